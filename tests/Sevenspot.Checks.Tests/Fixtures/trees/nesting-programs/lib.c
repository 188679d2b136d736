struct tnode { struct mutex lock; int n; };
void tnode_reset_init(struct tnode *t)
{
	mutex_init(&t->lock);
}
void tnode_reset(struct tnode *t)
{
	mutex_lock(&t->lock);
	t->n = 0;
	mutex_unlock(&t->lock);
}
