int g(char *p, char *q) {
	p = kmalloc(3);
	foo();
	if (p == NULL)
		e();
	foo();
	if (NULL == q)
		a();
	else
		b();
	foo();
	if (!q)
		c();
	foo();
	if (q != NULL)
		d();
	return 0;
}
