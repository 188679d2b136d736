void f(void)
{
	unsigned int a;
	unsigned b;
	int c;
	long d;
	g((unsigned)a, (unsigned int)b, (signed)c, (signed int)c, (int)d, (unsigned long)d);
}
