void f(void)
{
	bar(/* first */ x, /* second */ y);
	bar(x, // tail
	    y);
	bar( /* c1 */ x,
	    y /* c2 */);
}
