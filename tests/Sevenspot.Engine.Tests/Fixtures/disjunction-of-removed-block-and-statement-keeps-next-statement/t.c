int f(void) {
	foo();
	return 0;
}
int g(int c) {
	if (c) {foo();}
	return 1;
}
