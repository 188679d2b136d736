static int fill(void)
{
	double buf;
	double names;
	double grid;
	return 0;
}

static int scan(int n)
{
	double raw;
	return n;
}
