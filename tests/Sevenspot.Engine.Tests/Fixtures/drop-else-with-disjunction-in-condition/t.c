int f(int *p, int *q, int n)
{
	if (!p)
		return 1;
	if (n > LIMIT)
		return 2;
	if (n > LIMIT)
		go();
	else
		wait();
	if (q)
		return 3;
	if (n < LIMIT)
		return 4;
	return 0;
}
