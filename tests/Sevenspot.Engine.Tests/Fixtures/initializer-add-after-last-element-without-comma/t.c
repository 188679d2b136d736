enum h {
	a = 0,
	c,
	b
};
enum g {
	a2,
	b,
};
int t[] = { 1, 2, b };
