int one(void)
{
	int y;

	y = g();
	return 0;
}

int two(void)
{
	int z;

	return 0;
}
