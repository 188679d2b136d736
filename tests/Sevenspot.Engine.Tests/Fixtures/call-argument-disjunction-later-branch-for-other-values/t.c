void a2(int a, int b, int c) {
	f(a);
	g(b);
	g(a);
	g(c);
}
void a3(int a, int b) {
	f(a);
	f(b);
	g(a);
	g(b);
	g(3);
}
void a4(int a, int b) {
	g(a);
	f(a + 1);
	g(a + 1);
	g(a);
}
void a5(int a, int b) {
	if (a) f(a); else f(b);
	g(a);
	g(b);
}
