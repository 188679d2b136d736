int dev_run(int x, int y)
{
	reset();
	if (x) {}
	while (y) {}
}
