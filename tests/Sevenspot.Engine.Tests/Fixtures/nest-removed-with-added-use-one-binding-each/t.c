void f(int p, int q)
{
	a(p);
	a(q);
	c(a(1));
}
