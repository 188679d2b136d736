int f1(void)
{
	int a = g(1), c;
	long b;

	b = g(1);
	if (c = g(1))
		return 1;
	return a;
}

int f2(void)
{
	int a = g(2), c;
	long b;

	b = g(2);
	if (c = g(2))
		return 1;
	return a;
}

int f3(void)
{
	int a = g(3), c;
	long b;

	b = g(3);
	if (c = g(3))
		return 1;
	return a;
}

int f4(void)
{
	int a = g(4), c;
	long b;

	b = g(4);
	if (c = g(4))
		return 1;
	return a;
}

int f5(void)
{
	int a = g(5), c;
	long b;

	b = g(5);
	if (c = g(5))
		return 1;
	return a;
}

int f6(void)
{
	int a = g(6), c;
	long b;

	b = g(6);
	if (c = g(6))
		return 1;
	return a;
}

