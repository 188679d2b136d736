struct box;
void hold(void *a, void *b, struct box *c)
{
	struct box *nb = alloc_one();

	put_typed(a);
	put((char *)b);
	put(c);
	put((struct box **)b);
	keep(nb);
}
