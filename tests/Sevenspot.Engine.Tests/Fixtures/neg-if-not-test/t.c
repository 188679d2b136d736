int g(char *p, int y) {
	if (p != NULL)
		b();
	else
		a();
	if (!y)
		a();
	else
		c();
	if (y)
		d();
	else
		a();
	if (p == NULL)
		a();
	else
		c();
	return 0;
}
