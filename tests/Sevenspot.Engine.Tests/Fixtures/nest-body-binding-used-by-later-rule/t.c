int f(int err)
{
	g(err + 1);
	h(err + 1);
	h(err);
	g(7);
	return 0;
}

int u(int a)
{
	h(a);
	h(7);
	return a;
}
