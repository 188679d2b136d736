struct s;
int f(int a);
long g(void);
struct s *h(int x);
unsigned int k(void)
{
	return 1;
}
int f(int a)
{
	return a;
}
long g(void)
{
	return 2;
}
struct s *h(int x)
{
	return 0;
}
char **m(void) { return 0; }
