int f(int *x, int y) {
	if (x || y)
		a();
	else
		first();
	if (!(x || y))
		first();
	else
		d();
	if (!x)
		first();
	else
		g();
	if (x != NULL)
		h();
	else
		first();
	if (y <= 0)
		l();
	else
		first();
	return 0;
}
