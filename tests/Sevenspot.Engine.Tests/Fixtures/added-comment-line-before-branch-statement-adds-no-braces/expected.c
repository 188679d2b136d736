int f(int x)
{
	if (x)
		// note
		foo(x);
	while (x)
		// note
		foo(x - 1);
	return 0;
}
