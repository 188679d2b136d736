void f(int y) {
	z = a(1, y + 1);
	return;
}
