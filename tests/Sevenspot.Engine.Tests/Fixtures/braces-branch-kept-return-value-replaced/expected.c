int f(int x)
{
	if (x)
		return wrap(x);
	return wrap(-1);
}
