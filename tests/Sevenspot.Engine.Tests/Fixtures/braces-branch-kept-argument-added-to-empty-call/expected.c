void f(int x)
{
	if (x)
		foo(0);
	foo(0);
}
