void f(int p, int q)
{
	b(p);
	b(q);
	c(a(1));
}
