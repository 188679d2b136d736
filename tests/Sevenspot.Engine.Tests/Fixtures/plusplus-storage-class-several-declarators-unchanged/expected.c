void dev_reset(void)
{
	static long len, off;
	register long idx, pos;
	unsigned short cnt;
	unsigned short err;
	static unsigned short hits;
}
static long total, peak;
extern long drops, errs;
