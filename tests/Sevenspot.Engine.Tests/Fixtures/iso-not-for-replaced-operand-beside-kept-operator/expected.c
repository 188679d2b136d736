void f(int *p, int *q, int n, int m)
{
	if (p)
		one();
	if (wrap(q) != NULL)
		two();
	limit(n > m);
	limit(wrap(m) < n);
	total(1 + n);
	total(wrap(m) + 1);
	if (!p)
		three();
	if (wrap(q) == NULL)
		four();
	flags(m & MASK);
	flags(MASK & wrap(n));
}
