static void reset(void)
{
	long cnt = 8;
	struct dev *dev = NULL;
	if (dev == NULL)
		cnt = 8;
}
