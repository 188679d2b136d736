int f(char *buf, int n)
{
	h(1, buf);
	if (n) {
		h(2, buf);
		g(other, 3);
	}
	return sprintf(buf, n, "0\n");
}

int f(char *page, int n)
{
	while (n--)
		h(n, page);
	return snprintf(other, n, "0\n");
}

int f(char *s, long n)
{
	g(s, 1);
	return snprintf(s, n, "x");
}
