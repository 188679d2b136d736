int f(void) {
	signed char a;
	char b = 0;
	int c;
	return a + b + c;
}
