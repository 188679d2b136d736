static int dev_reset(void)
{
	short len, off, idx;
	short w;
	long cnt, err;
	return 0;
}
