int f(int x)
{
	return x;
}

int g(int y)
{
	return y;
}
