void c1(int a, int b) {
	f(a);
}
void c2(int a, int b) {
	f(k(a));
}
void c3(int a, int b) {
	f(a);
	g(a, 1);
	g(b, 1);
}
void c4(int a, int b) {
	f(a + 1);
	g(b, 1);
}
int c5(int a, int b) {
	if (a) return h(a); else return h(b);
	g(a);
	g(b);
	g(h(a));
}
