struct s { int a; };

void f(const struct s *p, struct s *q, struct s *const r, const struct s *const w)
{
	put(p);
	g(q);
	g(r);
	put(w);
}
