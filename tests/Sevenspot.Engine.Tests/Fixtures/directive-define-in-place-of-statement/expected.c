int f(int x)
{
	a();
	#define X 1
	return 0;
}
