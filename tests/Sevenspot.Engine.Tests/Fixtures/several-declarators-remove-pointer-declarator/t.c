static void setup(void)
{
	int *buf, len;
	int head, mid, tail;
	unsigned long flags, mask;
	consume(buf, len, head, mid, tail, flags, mask);
}
