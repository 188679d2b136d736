int f(int old, int n)
{
	if (new)
		return 1;
	if (n > new + 1)
		return 2;
	if (n)
		return old;
	if (new < n)
		go();
	else
		wait();
	return 0;
}
