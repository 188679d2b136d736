static int get(void *d, unsigned long long *v) { return 0; }

DEFINE_OLD_ATTR(fops_a, get, "%llu\n");

int use(void)
{
	return 0;
}
