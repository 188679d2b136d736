void f(int x)
{
	g(x);
}
