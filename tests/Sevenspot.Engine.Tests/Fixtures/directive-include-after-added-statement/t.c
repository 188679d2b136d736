int f(int x)
{
	old(x);
	return 0;
}
