int f(void)
{
	void *a = g();
	void *b = h();
	char c = 1;
	int *d = 0;
	static void *s = 0;
	return a + b;
}
