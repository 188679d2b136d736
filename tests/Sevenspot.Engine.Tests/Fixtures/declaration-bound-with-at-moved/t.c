static void dev_fill(struct device *dev)
{
	long len;
	char *buf;
	memcpy(buf, dev->name, len);
}

static long dev_size(void)
{
	long len = 16;
	char *buf;
	return len;
}
