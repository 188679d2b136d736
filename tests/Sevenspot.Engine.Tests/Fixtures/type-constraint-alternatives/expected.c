void f() {
	int y;
	long y;
	char y;
	char *d;
	short e;
	unsigned char g;
}
