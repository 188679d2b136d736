void f(void)
{
	g(h);
	g(h);
	g(h);
	g(k);
}
