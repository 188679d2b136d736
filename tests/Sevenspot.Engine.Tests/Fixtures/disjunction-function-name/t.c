void f(int x) {
	foo(x);
	return;
}

void g(int x) {
	return;
}

void h(int x) {
	return;
}

void f2(int x, int y) {
	return;
}
