void f(void)
{
	int i, acc = 0;
	static int s1, s2;
	int m;
	g(i, acc, m, s1, s2);
}
