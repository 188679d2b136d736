int f(int a, int b)
{
	int x = MIN(a, b);
	int y = MAX(a + 1, b);
	return x + y;
}
