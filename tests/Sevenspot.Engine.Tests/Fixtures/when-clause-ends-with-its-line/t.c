int move(int *file)
{
	int mnt, internal;

	internal = get();
	mnt = *file;
	*file = internal;
	put(mnt);
	return 0;
}

int exchange(int *p, int *q)
{
	int tmp;

	tmp = *p;
	*p = *q;
	*q = tmp;
	return 0;
}
