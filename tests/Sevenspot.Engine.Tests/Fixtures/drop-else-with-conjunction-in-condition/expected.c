int f(int *p, int n)
{
	if (ready(n) && ready(n))
		stop(ready(n));
	if (ready(p) && p)
		stop(p);
	if (p && ready(p))
		return 3;
	if (ready(n) && ready(n))
		stop(ready(n));
	else
		wait();
	return 0;
}
