void f(int y) {
	a(y + 1);
}
