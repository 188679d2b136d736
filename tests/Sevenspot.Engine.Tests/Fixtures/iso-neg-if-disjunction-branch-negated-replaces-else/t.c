int f(int *x, int y) {
	if (x || y)
		a();
	else
		b();
	if (!(x || y))
		c();
	else
		d();
	if (!x)
		e();
	else
		g();
	if (x != NULL)
		h();
	else
		k();
	if (y <= 0)
		l();
	else
		m();
	return 0;
}
