int f(int x)
{
	if (x)
		foo(x);
	while (x)
		foo(x - 1);
	return 0;
}
