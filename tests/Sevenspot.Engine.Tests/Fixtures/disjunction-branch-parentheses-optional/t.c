int f(int a)
{
	int x = h(a) + 1;
	int y = (h(a) + 1);
	k(a);
	x = g(k(a), h(a));
	return (k(x));
}
