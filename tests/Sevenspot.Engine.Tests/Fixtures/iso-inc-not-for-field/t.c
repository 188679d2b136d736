struct s { int n; };
void f(struct s *p, struct s *q, struct s *r)
{
	p->n++;
	++q->n;
	r->n += 1;
}
