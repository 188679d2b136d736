int foo(int a, int b, ...)
{
	return 1;
}
