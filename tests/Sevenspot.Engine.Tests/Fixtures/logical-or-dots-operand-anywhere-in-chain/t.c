int f(void)
{
	if (IS_ERR(a))
		return 1;
	if (IS_ERR(a) || c)
		return 2;
	if (IS_ERR(a) || c || d)
		return 3;
	if (c || IS_ERR(a))
		return 4;
	if (c || IS_ERR(a) || d)
		return 5;
	if (c || (IS_ERR(a) && d))
		return 6;
	if (c && IS_ERR(a))
		return 7;
	if (c || (d || IS_ERR(a)))
		return 8;
	if (!IS_ERR(a))
		return 9;
	return 0;
}
