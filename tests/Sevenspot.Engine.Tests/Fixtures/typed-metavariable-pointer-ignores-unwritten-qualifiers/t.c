struct s { int a; };
struct t { int b; };

void f(const struct s *p, struct s *q, struct s *const r, volatile struct s *v,
       const struct s *const w, const struct t *o)
{
	g(p);
	g(q);
	g(r);
	g(v);
	g(w);
	g(o);
}
