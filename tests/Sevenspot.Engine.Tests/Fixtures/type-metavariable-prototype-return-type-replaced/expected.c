struct s;
void f(int a);
static void g(void);
void h(int x);
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
struct s *h(int x)
{
	return 0;
}
char **m(void) { return 0; }
