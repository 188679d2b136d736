int f(int *x, int y) {
	if (x || y)
		second();
	else
		b();
	if (!(x || y))
		c();
	else
		second();
	if (!x)
		e();
	else
		second();
	if (x != NULL)
		second();
	else
		k();
	if (y <= 0)
		second();
	else
		m();
	return 0;
}
