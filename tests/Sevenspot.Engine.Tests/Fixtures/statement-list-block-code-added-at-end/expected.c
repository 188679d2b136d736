void f(int p)
{
	a();
	if (p) {
		b();
		c();
		fini();
	}
	while (p) {
		d();
		fini();
	}
}
