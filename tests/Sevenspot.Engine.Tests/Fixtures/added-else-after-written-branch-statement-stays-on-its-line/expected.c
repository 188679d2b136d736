void f(int x)
{
	if (x)
		foo(x);else bar(x);
	g();
}
