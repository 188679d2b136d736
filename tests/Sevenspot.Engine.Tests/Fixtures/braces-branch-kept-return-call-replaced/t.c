int f(int x)
{
	if (x)
		return foo(x);
	return -1;
}
