struct item;
void walk(int *ip, char *cp, long n, void *vp, struct item **list)
{
	use_ptr(vp);
	use((int)n);
	use_ptr(cp);
	use(ip);
	use((unsigned long)ip);
	use(n + 1);
	use_ptr(vp);
	use_ptr(cp);
	use_ptr(0);
	use_ptr(list[0]);
	if (n)
		use_ptr((long)vp);
}
