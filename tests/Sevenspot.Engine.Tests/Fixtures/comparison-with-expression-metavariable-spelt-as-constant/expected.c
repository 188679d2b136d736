int f(int x, int y)
{
	if (same(y))
		return 1;
	if (y == x)
		return 2;
	if (same(3))
		return 3;
	if (3 == x)
		return 4;
	return 0;
}
