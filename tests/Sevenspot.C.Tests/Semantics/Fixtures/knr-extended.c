// inference: extended
// With extended inference, a K&R function has a function type (undeclared parameters are int).
int old(a, b, c)
	int a;
	char *b;
{
	check(a);	// int
	check(b);	// char *
	return a;
}

void f(void)
{
	check(old(1, "x", 2));	// int
	check(old);	// int (int a, char *b, int c)
}
