int first(void) { return 1; }
int bad(void)
{
	bar(1);
	return 09;
}
void g(int x) {
	foo(08);
	bar(x);
}
void k(int x) {
	x = foo(08);
	bar(x);
}
void m(int x) {
	foo(08, x);
	bar(x);
}
void n(int x) {
	foo(x, 08);
	bar(x);
}
void o(int x) {
	bar(x);
	x = 08;
}
