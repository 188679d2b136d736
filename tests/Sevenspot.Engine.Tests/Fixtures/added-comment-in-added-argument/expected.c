void f(void)
{
	foo(x,/* added */0, y);
}
