static int dev_reset(void)
{
	short len, off, idx;
	short pos;
	long cnt, err;
	return 0;
}
