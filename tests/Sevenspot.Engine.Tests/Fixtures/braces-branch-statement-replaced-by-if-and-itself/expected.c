int f(int x)
{
	if (x) {
		if (x < 0)
			return -EINVAL;
		return x;
	}
	if (0 < 0)
		return -EINVAL;
	return 0;
}
