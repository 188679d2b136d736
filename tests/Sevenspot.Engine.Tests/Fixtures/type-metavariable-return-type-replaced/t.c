struct dev;
long dev_count(long n);
static int dev_busy(void);
struct dev *dev_find(long id);
static unsigned short dev_mode(void)
{
	return 3;
}
long dev_count(long n)
{
	return n;
}
static int dev_busy(void)
{
	return 0;
}
struct dev *dev_find(long id)
{
	return 0;
}
char **dev_names(void) { return 0; }
