static int rx_frame(void)
{
	long len;
	frame_t hdr, hdr;
	frame_t hdr;
	long off, idx;
	return 0;
}
