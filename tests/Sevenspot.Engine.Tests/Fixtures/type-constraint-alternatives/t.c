void f() {
	int a;
	long b;
	char c;
	char *d;
	short e;
	unsigned char g;
}
