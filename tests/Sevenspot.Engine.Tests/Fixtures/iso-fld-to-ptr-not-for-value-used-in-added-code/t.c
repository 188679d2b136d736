struct foo { int f; };
void m(struct foo *p, struct foo s)
{
	p->f = 1;
	s.f = 1;
	(*p).f = 1;
}
