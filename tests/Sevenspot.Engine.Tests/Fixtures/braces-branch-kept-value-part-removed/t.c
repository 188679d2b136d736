int f(int x, int y)
{
	if (x)
		return x * y;
	return -1;
}
