// typeof(type) is that type; spatch keeps typeof(expression) as a type of its own.
struct foo { int a; };

void f(struct foo *p, int n)
{
	typeof(struct foo *) q;
	typeof(n) m;
	typeof(p->a) *r;
	check(q);	// struct foo *
	check(q->a);	// int
	check(m);	// typeof(n)
	check(r);	// typeof(p->a) *
	check(m + 1);	// typeof(n)
	check(*r);	// typeof(p->a)
}
