int f(void)
{
	char *a = g();
	short *b = h();
	char c = 1;
	int *d = 0;
	static char *s = 0;
	return a + b;
}
