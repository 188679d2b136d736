void dev_reset(void)
{
	long len, off, idx;
	long pos;
}
static void dev_tick(void)
{
	long cnt;
	long err;
}
