void f(void)
{
	int acc = 0;
	long i;
	static int s1, s2;
	long m;
	g(i, acc, m, s1, s2);
}
