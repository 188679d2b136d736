int f(void) {
	unsigned long n = 3;
	unsigned short s = 1;
	unsigned u = 2;
	long k = 4;
	return n + s + u + k;
}
