int f(int err)
{
	g(err + 1);
	k(err + 1);
	h(err);
	g(7);
	return 0;
}

int u(int a)
{
	h(a);
	k(7);
	return a;
}
