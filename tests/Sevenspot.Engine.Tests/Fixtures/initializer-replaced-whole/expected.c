struct s x = M(a);
static struct s y = M(a);
int f(void) {
	struct s z = M(a);
	int n = 3;
	return 0;
}
