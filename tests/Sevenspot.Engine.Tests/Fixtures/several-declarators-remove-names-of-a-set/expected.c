static void setup(void)
{
	int *buf, len;
	int mid;
	unsigned long flags, mask;
	consume(buf, len, head, mid, tail, flags, mask);
}
