int g(char *q) {
	if (NULL == q)
		a();
	else b();
	x = (NULL == q);
}
