struct foo { int f; };
void m(struct foo *p, struct foo s)
{
	p->f = 1;
	set(&s);
	set(&(*p));
}
