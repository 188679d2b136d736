static int fill(void)
{
	long buf[32];
	long saved_buf[32];
	char *names[4];
	char *saved_names[4];
	short grid[3][5];
	short saved_grid[3][5];
	return 0;
}

static int scan(int n)
{
	unsigned char raw[sizeof(long) * 4];
	unsigned char saved_raw[sizeof(long) * 4];
	return n;
}
