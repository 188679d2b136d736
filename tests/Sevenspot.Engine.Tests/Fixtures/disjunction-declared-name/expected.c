void f() {
	long z = 1;
	long z = 2;
	int c = 3;
	char a = 4;
}
