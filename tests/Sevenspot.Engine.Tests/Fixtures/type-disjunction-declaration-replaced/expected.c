struct foo { int a; };
void f(void)
{
	long a;
	static long b;
	long c;
	unsigned d;
	char e;
	long g;
	struct bar h;
	int *i;
	long j;
	use(a, b, c, d, e, g, h, i, j);
}
