void f(void)
{
	char c;
	int *d;
	short **e;
	a = b;
}
