struct foo { int a; };
void f(void)
{
	int a;
	static int b;
	unsigned long c;
	unsigned d;
	char e;
	struct foo g;
	struct bar h;
	int *i;
	long j;
	use(a, b, c, d, e, g, h, i, j);
}
