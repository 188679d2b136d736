// inference: extended
// With extended inference, a statement expression has the type of its last expression statement.
void f(int n)
{
	check(({ n; }));	// int
	check(({ long n = 1; n; }));	// long
	check(({ char *s; if (n) s = 0; s; }));	// char *
	check(({ n; ; }));	// ?
	check(n);	// int
	typeof(n) tn;
	check(tn);	// int
}
