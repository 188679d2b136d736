void f(int x)
{
	a(x);
	b(x);
	c(x);
}
