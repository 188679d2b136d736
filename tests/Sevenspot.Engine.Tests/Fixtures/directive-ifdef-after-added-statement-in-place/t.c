int f(int x)
{
	a();
	old(x);
	return 0;
}
