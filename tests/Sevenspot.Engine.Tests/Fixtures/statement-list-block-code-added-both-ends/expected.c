void f(int p)
{
	a();
	if (p) {
		init();
		b();
		c();
		fini();
	}
	while (p) {
		init();
		d();
		fini();
	}
}
