static void reset(void)
{
	long cnt = 4;
	struct dev *dev = 0;
	if (dev == 0)
		cnt = 4;
}
