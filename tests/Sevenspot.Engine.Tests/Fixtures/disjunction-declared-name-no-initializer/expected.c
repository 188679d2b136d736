void f() {
	int c;
	a = b;
}
