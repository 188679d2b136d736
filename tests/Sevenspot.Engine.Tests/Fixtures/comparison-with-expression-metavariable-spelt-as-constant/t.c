int f(int x, int y)
{
	if (x == y)
		return 1;
	if (y == x)
		return 2;
	if (x == 3)
		return 3;
	if (3 == x)
		return 4;
	return 0;
}
