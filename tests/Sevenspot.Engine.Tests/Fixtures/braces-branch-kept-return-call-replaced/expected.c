int f(int x)
{
	if (x)
		return bar(x);
	return -1;
}
