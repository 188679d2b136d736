void f(int x)
{
	unsigned long flags = 0;

	g(x);
}
