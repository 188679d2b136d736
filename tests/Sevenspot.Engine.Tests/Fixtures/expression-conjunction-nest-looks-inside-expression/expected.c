int g(int);

int f(int a, int b)
{
	if (0 || b || a)
		return g(b);
	if (g(b) || a || g(b))
		return 1;
	return 0;
}
