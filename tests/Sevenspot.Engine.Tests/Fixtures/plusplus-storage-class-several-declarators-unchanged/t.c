void dev_reset(void)
{
	static long len, off;
	register long idx, pos;
	long cnt, err;
	static long hits;
}
static long total, peak;
extern long drops, errs;
