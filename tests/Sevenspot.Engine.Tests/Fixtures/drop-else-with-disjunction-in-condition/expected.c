int f(int *p, int *q, int n)
{
	if (!p)
		stop();
	if (n > LIMIT)
		stop();
	if (n > LIMIT)
		stop();
	else
		wait();
	if (q)
		return 3;
	if (n < LIMIT)
		return 4;
	return 0;
}
