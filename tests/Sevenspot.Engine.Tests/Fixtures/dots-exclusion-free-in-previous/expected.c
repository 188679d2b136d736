void f(int x, int y) {
	b(1);
	d();
}
