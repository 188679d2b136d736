int g(char *p, int y) {
	if (p != NULL)
		b();
	else
		fail();
	if (!y)
		fail();
	else
		c();
	if (y)
		d();
	else
		fail();
	if (p == NULL)
		fail();
	else
		c();
	return 0;
}
