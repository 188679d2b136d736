int f(int a)
{
	int x = h(0) + 1;
	int y = (h(0) + 1);
	k(1);
	x = g(k(1), h(a));
	return (k(1));
}
