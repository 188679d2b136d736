/* Old-style (K&R) definitions. */
int add(a, b)
	int a;
	int b;
{
	return a + b;
}

char *pick(s, n)
	char *s;
	unsigned n;
{
	return s + n;
}
