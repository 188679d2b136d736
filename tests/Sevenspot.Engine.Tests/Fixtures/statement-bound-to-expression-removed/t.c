int dev_run(int x, int y)
{
	reset();
	if (x) start(probe(1));
	while (y) poll(probe(2));
	return probe(3);
}
