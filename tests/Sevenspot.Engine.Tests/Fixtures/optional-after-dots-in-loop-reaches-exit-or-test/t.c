static int loop(void *arg)
{
	while (x) {
		if (unlikely(cur->flags & PF_FREEZE)) {
			refrigerator(PF_FREEZE);
		}
		do_work();
	}
}

static int once(void)
{
	if (cur->flags & PF_FREEZE)
		refrigerator(PF_FREEZE);
	return 0;
}
