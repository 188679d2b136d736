int g(void) {
	struct foo *p = kzalloc(sizeof(struct foo), G);
	return 0;
}
