int one(void)
{
	int y;

	y = g();
	f(y);
	return 0;
}

int two(void)
{
	int z;

	f(z);
	return 0;
}
