void f(int x)
{
	if (x)
		foo(x);
	foo(1);
}
