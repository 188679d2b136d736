void f(int x)
{
	a(x);
	pre(x);

	b(x);
	post(x);

	c(x);
}
