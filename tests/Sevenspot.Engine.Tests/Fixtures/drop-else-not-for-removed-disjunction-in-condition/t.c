int f(int *p, int *q, int busy)
{
	if (p && busy)
		return 1;
	if (busy || q)
		return 2;
	if (q && busy)
		go();
	else
		wait();
	return 0;
}
