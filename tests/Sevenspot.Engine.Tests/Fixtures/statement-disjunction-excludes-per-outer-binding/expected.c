int f(void)
{
	foo(a);
	PTR_ERR(a);
	PTR_ERR(a);
	return 0;
}

int g(void)
{
	foo(a);
	return PTR_ERR(a);
}
