int g(char *q) {
	if (!q)
		a();
	else b();
	x = (!q);
}
