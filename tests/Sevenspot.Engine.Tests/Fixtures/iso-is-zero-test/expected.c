int g(int y, int *p) {
	if (y)
		a();
	if (!y)
		b();
	if (y != 0)
		a();
	if (0 == y)
		b();
	while (y) {
		a();
	}
	while (y)
		a();
	if (y)
		a();
	return 0;
}
