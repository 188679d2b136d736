int g(char *q) {
	if (q == NULL)
		a();
	else
		b();
}
