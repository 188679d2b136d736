void tbl_alloc(struct tbl *t)
{
	t->slots = kvmalloc(t->n * sizeof(long), GFP_KERNEL);
	memset(t->slots, 0, t->n * sizeof(long));
}

void tbl_alloc_names(struct tbl *t)
{
	t->names = (char **)kvmalloc(t->n * sizeof(char *), GFP_KERNEL);
	memset(t->names, 0, t->n * sizeof(char *));
}
