void b1(int a, int b) {
	f(a + 1);
	g(b);
	g(a);
	g(a + 1);
}
void b2(int a, int b) {
	f(a);
	g(a - 1);
	g(a);
}
