int g(char *p, char *q) {
	p = kmalloc(3);
	if (p == NULL) {
		foo();
	}
	if (NULL == q) {
		foo();
	}
	else
		b();
	if (!q) {
		foo();
	}
	if (q != NULL)
		d();
	return 0;
}
