int g(char *p, char *q) {
	p = kmalloc(3);
	if (!p)
		e();
	if (!q)
		a();
	else
		b();
	if (!q)
		c();
	if (q != NULL)
		d();
	return 0;
}
