void f(int x, int y, int z)
{
	if (__predict_false(x))
		return;
	if (__predict_true(y))
		return;
	if (z)
		return;
	if (__predict_false(x > 2) && y)
		return;
}
