int f(void) {
	return 0;
}
int g(int c) {
	if (c) 
		return 1;
}
