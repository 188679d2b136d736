void *lookup(int n)
{
	if (n > 4)
		return NULL;
	return table(n);
}

int first(int n)
{
	int *v;

	v = lookup(n);
	if (!IS_ERR_OR_NULL(v)) {
		use(v);
	}
	return 0;
}

int second(int n)
{
	int *w;

	w = lookup(n);
	if (!w)
		return -1;
	return *w;
}

int third(int n)
{
	int *c;

	c = lookup(n);
	if (n == NULL)
		return -2;
	return *c;
}

int fourth(int n, int *old)
{
	int *d;

	d = lookup(n);
	if (!old)
		return -3;
	if (NULL == old)
		return -4;
	return *d;
}
