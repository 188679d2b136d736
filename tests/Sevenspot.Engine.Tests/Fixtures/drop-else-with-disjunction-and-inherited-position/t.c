int *make(int n);

int f(int r)
{
	int *x = NULL;
	int *y = NULL;

	if (r)
		x = make(1);
	y = make(2);
	if (!x)
		return 1;
	if (!y)
		return 2;
	return 0;
}

int h(void)
{
	int *z;

	z = make(3);
	if (z)
		use(z);
	else
		return 3;
	return 0;
}

int k(void)
{
	int *w;

	w = make(4);
	w = other();
	if (w)
		return 4;
	return 0;
}
