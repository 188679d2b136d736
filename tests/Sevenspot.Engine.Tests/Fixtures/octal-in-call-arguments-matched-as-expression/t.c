void g(int x) {
	foo(08);
	bar(x);
}
void k(int x) {
	x = foo(08);
	bar(x);
}
void n(int x) {
	foo(x, 08);
	bar(x);
}
