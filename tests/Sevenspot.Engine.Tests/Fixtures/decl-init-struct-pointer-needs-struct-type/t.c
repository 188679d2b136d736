void f(void)
{
	struct s *a = 0;
	int p = 0;
	use(a);
	use(p);
}
