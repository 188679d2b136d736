void f(int x)
{
	if (x) {
		old(x);
		// tail
	}
	use(x);
}
