void tbl_alloc(struct tbl *t)
{
	t->slots = kvzalloc(t->n * sizeof(long), GFP_KERNEL);
}

void tbl_alloc_names(struct tbl *t)
{
	t->names = kvzalloc(t->n * sizeof(char *), GFP_KERNEL);
}
