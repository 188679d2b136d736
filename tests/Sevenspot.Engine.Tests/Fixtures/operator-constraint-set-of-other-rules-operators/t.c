void f() {
	f(1 == 2);
	f(1 & 3);
	g(1 != 2);
	g(1 <= 3);
	h(x == y);
	h(x & y);
	h(x != y);
	h(x <= y);
	h(x + y);
}
