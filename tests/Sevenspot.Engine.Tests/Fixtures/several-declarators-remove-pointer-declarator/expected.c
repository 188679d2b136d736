static void setup(void)
{
	int len;
	int head, mid, tail;
	unsigned long flags, mask;
	consume(buf, len, head, mid, tail, flags, mask);
}
