void f(int p)
{
	a();
	if (p) {
		b();
		c();
	}
	while (p) {
		d();
	}
}
