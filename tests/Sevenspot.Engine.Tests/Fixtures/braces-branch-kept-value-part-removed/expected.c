int f(int x, int y)
{
	if (x)
		return x;
	return -1;
}
