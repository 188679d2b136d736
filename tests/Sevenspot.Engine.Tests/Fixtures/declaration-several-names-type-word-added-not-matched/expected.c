void f(void)
{
	int i, acc = 0;
	int j, k;
	unsigned int m;
	int n = 0, o;
	g(i, acc, j, k, m, n, o);
}
