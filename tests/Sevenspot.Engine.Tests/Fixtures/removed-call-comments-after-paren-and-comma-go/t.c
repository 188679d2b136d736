void f(void)
{
	foo(/* first */ x, /* second */ y);
	foo(x, // tail
	    y);
	foo( /* c1 */ x,
	    y /* c2 */);
}
