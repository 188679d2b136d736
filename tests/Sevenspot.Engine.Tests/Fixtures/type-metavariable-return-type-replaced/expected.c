struct s;
void f(int a);
static void g(void);
void h(int x);
static void k(void)
{
	return 1;
}
void f(int a)
{
	return a;
}
static void g(void)
{
	return 2;
}
void h(int x)
{
	return 0;
}
void m(void) { return 0; }
