void a(void)
{
	lock();
	work();
	goto out;
}

int b(int x)
{
	lock();
	if (x)
		goto out;
	goto out;
}
