int *make(int n);

int f(int r)
{
	int *x = NULL;
	int *y = NULL;

	if (r)
		x = make_checked();
	y = make_checked();
	if (!x)
		return 1;
	if (!y)
		return 2;
	return 0;
}

int h(void)
{
	int *z;

	z = make_checked();
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
