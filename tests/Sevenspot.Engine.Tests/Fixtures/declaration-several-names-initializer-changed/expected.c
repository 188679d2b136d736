void f(void)
{
	int i, acc = 7;
	static int s1, s2;
	int m;
	g(i, acc, m, s1, s2);
}
