void f(int x)
{
	if (x) {
		use(x);
	}
	use(2);
}
