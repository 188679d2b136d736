void f(int x)
{
	if (x)
		/* before */
		new(x);
	/* after */
	use(x);
}
