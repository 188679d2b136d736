void f(void)
{
	long *s = 0;
	int q = 0;
	n = sizeof(*s) + sizeof(int);
}
