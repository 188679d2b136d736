void dev_reset(void)
{
	unsigned short idx;
	unsigned short len;
	unsigned short off;
	unsigned short pos;
}
static void dev_tick(void)
{
	unsigned short cnt;
	unsigned short err;
}
