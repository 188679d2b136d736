void f(void)
{
	r = foo(y);
	r = foo(y);
	r = foo(y);
	r = foo(y);
}
