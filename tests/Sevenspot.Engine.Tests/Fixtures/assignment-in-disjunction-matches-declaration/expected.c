void f(void) {
	int n = 2;
	char *p = NULL;
	if (p == NULL)
		n = 2;
}
