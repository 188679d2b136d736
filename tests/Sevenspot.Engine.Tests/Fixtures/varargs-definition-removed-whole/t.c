int foo(int a, ...)
{
	return 1;
}

void baz(void)
{
}
