int f(char *buf, int n)
{
	g(buf, 1);
	if (n) {
		g(buf, 2);
		g(other, 3);
	}
	return snprintf(buf, n, "0\n");
}

int f(char *page, int n)
{
	while (n--)
		g(page, n);
	return snprintf(other, n, "0\n");
}

int f(char *s, long n)
{
	g(s, 1);
	return snprintf(s, n, "x");
}
