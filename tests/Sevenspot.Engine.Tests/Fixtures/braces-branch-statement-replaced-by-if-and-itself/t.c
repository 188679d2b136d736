int f(int x)
{
	if (x)
		return x;
	return 0;
}
