static int stats(void)
{
	unsigned drops;
	int err;
	return 0;
}
