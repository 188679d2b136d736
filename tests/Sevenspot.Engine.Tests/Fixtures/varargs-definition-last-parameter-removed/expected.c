int foo(int a, ...)
{
	return 1;
}
