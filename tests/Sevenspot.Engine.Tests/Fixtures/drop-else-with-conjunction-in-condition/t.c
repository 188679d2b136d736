int f(int *p, int n)
{
	if (ready(n) && ready(n))
		return 1;
	if (ready(p) && p)
		return 2;
	if (p && ready(p))
		return 3;
	if (ready(n) && ready(n))
		go();
	else
		wait();
	return 0;
}
