void f(void)
{
	r = foo(/* first */ x, /* second */ y);
	r = foo(x, // tail
		y);
	r = foo( /* c1 */ x,
		/* c2 */ y);
	r = foo(x,
		/* c3 */
		y);
}
