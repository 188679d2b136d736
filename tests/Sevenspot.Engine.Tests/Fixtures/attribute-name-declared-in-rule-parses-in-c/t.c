aarg(1,2) int f(int x)
{
	return x;
}

int g(int y)
{
	return y;
}
