int g(void) {
	int a = 1, b = f(2), c;
	return 0;
}
