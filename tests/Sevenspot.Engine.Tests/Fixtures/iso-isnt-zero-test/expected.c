int g(int y, int *p) {
	if (y)
		b();
	if (!y)
		b();
	if (y != 0)
		b();
	if (0 == y)
		b();
	while (y) {
		a();
	}
	while (y)
		a();
	if (y)
		b();
	return 0;
}
