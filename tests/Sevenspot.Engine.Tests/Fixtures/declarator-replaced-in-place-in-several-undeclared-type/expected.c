static int rx_frame(void)
{
	long len;
	frame_t * f1, * f2;
	frame_t * f3;
	long off, idx;
	return 0;
}
