int *f(int *p)
{
	if (!p)
		return p;
	return p + 1;
}
