void f(int x, int y) {
	b(1);
	b(2);
	d();
}
