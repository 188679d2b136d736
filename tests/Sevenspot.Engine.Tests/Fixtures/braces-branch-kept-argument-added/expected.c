void f(int x)
{
	if (x)
		foo(x, 0);
	foo(1, 0);
}
