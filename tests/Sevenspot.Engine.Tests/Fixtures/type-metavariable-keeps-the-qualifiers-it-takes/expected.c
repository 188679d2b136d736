struct s { int a; };

void f(const struct s *p, struct s *const r, volatile char *c)
{
	put(p, sizeof(const struct s));
	put(r, sizeof(struct s));
	put(c, sizeof(volatile char));
}
