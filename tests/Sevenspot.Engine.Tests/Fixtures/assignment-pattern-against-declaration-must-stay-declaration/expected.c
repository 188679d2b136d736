int f1(void)
{
	int a = g(1), c;
	long b;

	replaced();
	if (replaced())
		return 1;
	return a;
}

int f2(void)
{
	int a = g(2), c;
	long b;

	b += g(2);
	if (c += g(2))
		return 1;
	return a;
}

int f3(void)
{
	int a = g(3), c;
	long b;

	y = g(3);
	if (y = g(3))
		return 1;
	return a;
}

int f4(void)
{
	int y = k(4), c;
	long b;

	y = k(4);
	if (y = k(4))
		return 1;
	return a;
}

int f5(void)
{
	int a = k(5), c;
	long b;

	b = k(5);
	if (c = k(5))
		return 1;
	return a;
}

int f6(void)
{
	int a = k(6), c;
	long b;

	b = k(6);
	if (c = k(6))
		return 1;
	return a;
}

