void f(void)
{
	char *a;
	short *b;
	char c;
	int *d;
	short **e;
	const char *g;
	char *h, *i;
	a = b;
}
