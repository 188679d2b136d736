void f(int *p, int *q, int n, int m)
{
	if (p)
		one();
	if (q != NULL)
		two();
	limit(n > m);
	limit(m < n);
	total(1 + n);
	total(m + 1);
	if (!p)
		three();
	if (q == NULL)
		four();
	flags(m & MASK);
	flags(MASK & n);
}
