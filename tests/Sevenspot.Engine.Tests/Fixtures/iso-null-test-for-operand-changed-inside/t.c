void f(int *p, int *q, int *r)
{
	if (!get(p))
		one();
	if (get(q) == NULL)
		two();
	if (NULL == get(r))
		three();
	if (get(r))
		four();
}
