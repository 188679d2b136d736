int f(int x, int y)
{
	if (x)
		y = x * y;
	return -1;
}
