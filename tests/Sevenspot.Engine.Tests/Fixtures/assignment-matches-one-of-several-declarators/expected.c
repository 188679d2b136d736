int g(void) {
	int a = 1, b = g(3), c;
	return 0;
}
