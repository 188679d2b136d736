// Scopes and shadowing: globals, parameters, nested blocks, for-loop declarations.
// As in spatch, a for-loop declaration stays visible after the loop, until the end of the block.
int n;
static unsigned long counter;

void f(long n)
{
	check(n);	// long
	check(counter);	// unsigned long
	{
		char n;
		check(n);	// char
		{
			check(n);	// char
			short *n;
			check(n);	// short *
		}
		check(n);	// char
	}
	check(n);	// long
	for (unsigned char n = 0; n < 3; n++)
		check(n);	// unsigned char
	for (int i = 0; i < 3; i++) {
		long long i2 = i;
		check(i);	// int
		check(i2);	// long long
	}
	check(i);	// int
	check(n);	// unsigned char
}

void g(void)
{
	check(n);	// int
	int late = sizeof(late);
	check(late);	// int
	typedef long T;
	T t;
	check(t);	// T
	{
		typedef char *T;
		T u;
		check(u);	// T
		check(*u);	// char
	}
	check(*t);	// ?
}

void h(void)
{
	check(t);	// ?
	check(late);	// ?
	static int s;
	check(s);	// int
	extern double d;
	check(d);	// double
}
