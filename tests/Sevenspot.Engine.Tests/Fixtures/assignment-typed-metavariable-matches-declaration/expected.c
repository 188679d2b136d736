static void reset(void)
{
	long cnt = 0;
	struct dev *dev = NULL;
	struct buf *head = NULL, *tail;
	char *name;
	name = NULL;
	cnt = 0;
}
