void f(int x, int y, int z)
{
	if (__predict_false(x))
		return 1;
	if (__predict_true(y))
		return 1;
	if (z)
		return 1;
	if (__predict_false(x > 2) && y)
		return 1;
}
