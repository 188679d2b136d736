struct item;
void walk(int *ip, char *cp, long n, void *vp, struct item **list)
{
	use((char *)vp);
	use((int)n);
	use((char **)cp);
	use(ip);
	use((unsigned long)ip);
	use(n + 1);
	use((struct item *)vp);
	use((const char *)cp);
	use((void *)0);
	use((struct item *)list[0]);
	if (n)
		use((int *)(long)vp);
}
