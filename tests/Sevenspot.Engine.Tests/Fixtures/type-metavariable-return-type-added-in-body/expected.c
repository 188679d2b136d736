struct s;
int f(int a);
static long g(void);
struct s *h(int x);
static unsigned int k(void)
{
	unsigned int fake;
	return 1;
}
int f(int a)
{
	int fake;
	return a;
}
static long g(void)
{
	long fake;
	return 2;
}
struct s *h(int x)
{
	struct s *fake;
	return 0;
}
char **m(void) {
	char **fake; return 0; }
