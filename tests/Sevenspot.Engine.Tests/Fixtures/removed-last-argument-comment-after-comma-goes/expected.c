void f(void)
{
	r = foo(/* first */ x);
	r = foo(x);
	r = foo( /* c1 */ x);
	r = foo(x);
}
