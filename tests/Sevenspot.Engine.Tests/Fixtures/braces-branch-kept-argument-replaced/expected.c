void f(int x)
{
	if (x)
		g(wrap(x));
	g(wrap(1));
}
