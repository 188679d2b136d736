void f(void)
{
	foo(x, y);
}
