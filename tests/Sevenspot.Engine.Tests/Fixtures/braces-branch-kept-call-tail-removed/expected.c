int f(int x, int y)
{
	if (x)
		y = x;
	return -1;
}
