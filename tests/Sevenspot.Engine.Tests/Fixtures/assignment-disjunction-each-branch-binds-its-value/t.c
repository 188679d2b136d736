void d1(int a, int b)
{
	x = h(a);
	g(a);
	g(h(a));
	g(b);
}

int d2(int a)
{
	x = a;
	if (a)
		return g(a);
	g(h(a));
	return 0;
}
