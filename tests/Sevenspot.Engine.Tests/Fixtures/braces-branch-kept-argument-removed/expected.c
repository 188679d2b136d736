void f(int x)
{
	if (x)
		foo();
	foo();
}
