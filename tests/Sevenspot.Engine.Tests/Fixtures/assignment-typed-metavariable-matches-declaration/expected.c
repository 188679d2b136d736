void f(void) {
	int n = 0;
	char *p = NULL;
	struct s *q = NULL, *r;
	long *t;
	t = NULL;
	n = 0;
}
