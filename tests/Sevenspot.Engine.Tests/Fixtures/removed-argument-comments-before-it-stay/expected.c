void f(void)
{
	foo(/* first */ x, /* second */ c);
	foo(x, // tail
	    c);
	foo( /* c1 */ x,
	    c /* c2 */);
}
