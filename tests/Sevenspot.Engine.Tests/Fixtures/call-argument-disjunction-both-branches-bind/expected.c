void b1(int a, int b) {
	f(a + 1);
	g(b);
}
void b2(int a, int b) {
	f(a);
	g(a - 1);
}
