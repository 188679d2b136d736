int f(void)
{
	int a = 0;

	g(&a);
	h(a);
	return 0;
}

int k(void)
{
	int b;

	g(&b);
	h(b);
	return 0;
}
