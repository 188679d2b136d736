void f(int p)
{
	init();
	a();
	if (p) {
		init();
		b();
		c();
	}
	while (p) {
		init();
		d();
	}
}
