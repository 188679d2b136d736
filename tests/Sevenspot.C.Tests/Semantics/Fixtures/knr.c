// K&R parameters take their types from the declarations before the body. spatch gives the
// function itself no type, so its calls are untyped.
int old(a, b, c)
	int a;
	char *b;
{
	check(a);	// int
	check(b);	// char *
	check(c);	// ?
	return a;
}

void f(void)
{
	check(old(1, "x", 2));	// ?
	check(old);	// ?
}
