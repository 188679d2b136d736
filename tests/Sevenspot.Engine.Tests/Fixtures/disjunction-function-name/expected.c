void f(int x) {
	foo(x);
	x++;
}

void g(int x) {
	x++;
}

void h(int x) {
	return;
}

void f2(int x, int y) {
	return;
}
