int *alloc(int n);

int f(void)
{
	int *y;

	y = alloc(1);
	if (unlikely(!y))
		return -1;
	return *y;
}

int g(int *p)
{
	int *z;

	z = alloc(2);
	if (unlikely(!z))
		return *z;
	return 0;
}

int h(int *q)
{
	int *w;

	w = alloc(3);
	if (!q)
		return 1;
	return 0;
}
