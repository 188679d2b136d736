int f(int x)
{
	if (x)
		return wrap(x); // c
	return wrap(-1);
}
