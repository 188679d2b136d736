int f(void) {
	signed char a;
	char b;
	int c;
	return a + b + c;
}
