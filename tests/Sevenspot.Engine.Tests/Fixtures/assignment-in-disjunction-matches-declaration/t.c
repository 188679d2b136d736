void f(void) {
	int n = 1;
	char *p = 0;
	if (p == 0)
		n = 1;
}
