void f(int x)
{
	if (x)
		foo(x);
	else
		foo(x + 1);
	g();
}
