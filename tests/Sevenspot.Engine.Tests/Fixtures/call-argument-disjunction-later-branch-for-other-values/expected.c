void a2(int a, int b, int c) {
	f(a);
}
void a3(int a, int b) {
	f(a);
	f(b);
}
void a4(int a, int b) {
	g(a);
	f(a + 1);
}
void a5(int a, int b) {
	if (a) f(a); else f(b);
}
