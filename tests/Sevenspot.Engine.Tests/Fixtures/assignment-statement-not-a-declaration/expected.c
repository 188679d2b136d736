int g(void) {
	struct foo *p = kmalloc(sizeof(struct foo), G);
	memset(p, 0, sizeof(struct foo));
	return 0;
}
