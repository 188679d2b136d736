static void dev_fill(struct device *dev)
{
	char *buf;
	long len;
	memcpy(buf, dev->name, len);
}

static long dev_size(void)
{
	long len = 16;
	char *buf;
	long len;
	return len;
}
