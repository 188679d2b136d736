void f(int x)
{
	if (x)
		old(x);
	use(x);
	/* lead */first(x);/* trail */
	second(x);
}
