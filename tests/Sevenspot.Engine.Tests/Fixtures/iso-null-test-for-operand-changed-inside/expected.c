void f(int *p, int *q, int *r)
{
	if (!get(p, 0))
		one();
	if (get(q, 0) == NULL)
		two();
	if (NULL == get(r, 0))
		three();
	if (get(r))
		four();
}
