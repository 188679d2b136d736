static void setup(void)
{
	int *buf, len;
	int mid, tail;
	unsigned long flags, mask;
	consume(buf, len, head, mid, tail, flags, mask);
}
