void f(int x)
{
	if (x) {
		use(x);
		/* note */
		after(x); // why
		more(x);
		/* between */
		last(x);
	}
	use(2);
	/* note */
	after(2); // why
	more(2);
	/* between */
	last(2);
}
