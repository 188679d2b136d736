int f(int old, int n)
{
	if (old)
		return 1;
	if (n > old + 1)
		return 2;
	if (n)
		return old;
	if (old < n)
		go();
	else
		wait();
	return 0;
}
