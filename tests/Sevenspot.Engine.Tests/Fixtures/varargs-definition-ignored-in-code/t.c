int log1(int a, ...)
{
	return a;
}
int log2(int a)
{
	return a;
}
int log3(int a, int b)
{
	return a;
}
int log4(int a, ...);
static int *log5(int a, ...)
{
	return 0;
}
