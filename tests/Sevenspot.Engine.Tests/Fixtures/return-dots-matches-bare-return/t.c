void a(void)
{
	lock();
	work();
	return;
}

int b(int x)
{
	lock();
	if (x)
		return x + 1;
	return 0;
}
