void f(void) {
	int n = 0;
	char *p = 0;
	struct s *q = 0, *r;
	long *t;
	t = 0;
	n = 0;
}
