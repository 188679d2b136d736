void f(void)
{
	char *b;
	g(a, b, c);
}
