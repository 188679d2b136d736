struct s x = { 1, 2 };
static struct s y = {
	.a = 1,
	.b = 2,
};
int f(void) {
	struct s z = {
		1,
		2 };
	int n = 3;
	return 0;
}
