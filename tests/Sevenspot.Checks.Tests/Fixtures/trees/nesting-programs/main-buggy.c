struct tnode { struct mutex lock; int n; };
void tnode_init(struct tnode *t)
{
	mutex_init(&t->lock);
}
void tnode_count(struct tnode *t)
{
	mutex_lock(&t->lock);
	t->n++;
	mutex_unlock(&t->lock);
}
void tnode_link(struct tnode *parent, struct tnode *child)
{
	mutex_lock(&parent->lock);
	tnode_count(child);
	mutex_unlock(&parent->lock);
}
