int f(int *p, int *q, int busy)
{
	if (p && busy)
		return 1;
	if (busy || q)
		return 2;
	if (idle(q))
		go();
	else
		wait();
	return 0;
}
