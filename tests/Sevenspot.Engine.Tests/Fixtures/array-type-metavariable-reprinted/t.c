static int fill(void)
{
	long buf[32];
	char *names[4];
	short grid[3][5];
	return 0;
}

static int scan(int n)
{
	unsigned char raw[sizeof(long) * 4];
	return n;
}
