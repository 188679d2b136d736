int f(int x)
{
	if (x)
		return x; // c
	return -1;
}
