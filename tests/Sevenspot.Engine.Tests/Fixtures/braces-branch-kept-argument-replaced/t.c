void f(int x)
{
	if (x)
		g(x);
	g(1);
}
