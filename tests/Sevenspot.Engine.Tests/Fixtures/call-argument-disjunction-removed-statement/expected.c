void c1(int a, int b) {
	f(a);
	g(a);
}
void c2(int a, int b) {
	f(a);
	g(b);
}
void c3(int a, int b) {
	fx();
}
void c4(int a, int b) {
	fx();
}
int c5(int a, int b) {
	if (a) return h(a); else return h(b);
	g(a);
	g(b);
	g(h(a));
}
