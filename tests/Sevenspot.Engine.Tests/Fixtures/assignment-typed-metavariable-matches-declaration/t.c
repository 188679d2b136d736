static void reset(void)
{
	long cnt = 0;
	struct dev *dev = 0;
	struct buf *head = 0, *tail;
	char *name;
	name = 0;
	cnt = 0;
}
