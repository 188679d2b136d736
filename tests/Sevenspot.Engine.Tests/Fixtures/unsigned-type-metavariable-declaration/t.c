static int stats(void)
{
	unsigned int hits;
	unsigned long long int bytes;
	unsigned long long pkts;
	unsigned drops;
	unsigned char flags;
	int err;
	return 0;
}
