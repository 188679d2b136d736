void dev_reset (void) {
	unsigned short pos;
	unsigned short off;
	unsigned short len;
	unsigned short idx;
}
static void dev_tick (struct device *dev) {
	unsigned short pos;
	unsigned short err;
	unsigned short cnt;
}
