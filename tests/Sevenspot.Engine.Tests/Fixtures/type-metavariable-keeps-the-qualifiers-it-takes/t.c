struct s { int a; };

void f(const struct s *p, struct s *const r, volatile char *c)
{
	g(p);
	g(r);
	g(c);
}
