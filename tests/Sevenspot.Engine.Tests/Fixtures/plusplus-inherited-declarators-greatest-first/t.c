void dev_reset (void) {
	long len, off, idx, pos;
}
static void dev_tick (struct device *dev) {
	long cnt; long err;
	long pos;
}
