void f(void)
{
	char *a = get();
	short *b = get();
	char c = get();
	const short d = 1;
	free(a);
	free(b);
	free(c);
	free(d);
}
