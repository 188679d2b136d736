static int fill(void)
{
	long buf[32] __attribute__((aligned(16)));
	char *names[4] __attribute__((aligned(16)));
	short grid[3][5] __attribute__((aligned(16)));
	return 0;
}

static int scan(int n)
{
	unsigned char raw[sizeof(long) * 4] __attribute__((aligned(16)));
	return n;
}
