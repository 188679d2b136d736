void f(int x)
{
	if (x)
		old(x);
	use(x);
	// hello
}
