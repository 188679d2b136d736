int g(void) {
	struct foo *p = kzalloc(sizeof(struct foo), G);
	memset(p, 0, sizeof(struct foo));
	return 0;
}
