int g(char *q) {
	if (!q)
		b();
	else
		a();
}
