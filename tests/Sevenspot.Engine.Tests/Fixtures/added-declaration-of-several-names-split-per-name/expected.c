int f(void) {
	foo();
	static int *p; static int *y;
	int a; int b; int c;
	int(*f)(int); int g;
	int h; int(*k)(char *);
	char *s; char *t[4];
	struct s *u; struct s *v;
	int m = 1, *n;
	int(*q)(int) = r, (*w)(int);
}
