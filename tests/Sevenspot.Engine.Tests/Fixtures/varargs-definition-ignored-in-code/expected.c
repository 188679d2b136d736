int log1(int a, ...)
{
	enter();
	return a;
}
int log2(int a)
{
	enter();
	return a;
}
int log3(int a, int b)
{
	return a;
}
int log4(int a, ...);
static int *log5(int a, ...)
{
	enter();
	return 0;
}
