void f(void) {
	a();
	b(1);
	x();
	b(2);
	d();
}

void g(void) {
	a();
	x();
	c(2);
	d();
}
