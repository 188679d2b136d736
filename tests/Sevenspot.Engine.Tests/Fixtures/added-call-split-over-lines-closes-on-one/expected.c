int *f(int *p)
{
	if (!p)
		return BAD(p == NULL);
	return BAD(p + 1 == NULL);
}
