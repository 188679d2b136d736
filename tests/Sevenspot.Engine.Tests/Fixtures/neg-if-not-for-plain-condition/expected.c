int g(char *p, int y) {
	if (p != NULL)
		b();
	else
		a();
	if (!y)
		fail();
	else
		c();
	if (y)
		d();
	else
		a();
	if (p == NULL)
		fail();
	else
		c();
	return 0;
}
