struct s;
int f(int a);
static long g(void);
void *h(int x);
static unsigned int k(void)
{
	return 1;
}
int f(int a)
{
	return a;
}
static long g(void)
{
	return 2;
}
void *h(int x)
{
	return 0;
}
void *m(void) { return 0; }
