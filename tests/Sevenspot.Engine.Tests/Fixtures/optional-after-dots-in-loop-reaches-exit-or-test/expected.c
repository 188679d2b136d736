static int loop(void *arg)
{
	while (x) {
		if (unlikely(freezing(cur))) {
			refrigerator();
		}
		do_work();
	}
}

static int once(void)
{
	if (freezing(cur))
		refrigerator();
	return 0;
}
