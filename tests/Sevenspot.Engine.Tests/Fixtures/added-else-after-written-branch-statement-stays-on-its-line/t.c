void f(int x)
{
	if (x)
		foo(x);
	g();
}
