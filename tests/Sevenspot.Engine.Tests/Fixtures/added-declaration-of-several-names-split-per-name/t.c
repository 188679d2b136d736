int f(void) {
	foo();
}
