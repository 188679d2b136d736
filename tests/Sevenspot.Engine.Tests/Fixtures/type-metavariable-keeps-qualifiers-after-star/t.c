void f(void)
{
	char * const a;
	char *b;
	char * const c;
	g(a, b, c);
}
