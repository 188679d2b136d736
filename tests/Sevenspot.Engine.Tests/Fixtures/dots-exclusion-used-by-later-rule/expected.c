void f(int x, int y) {
	d();
}
