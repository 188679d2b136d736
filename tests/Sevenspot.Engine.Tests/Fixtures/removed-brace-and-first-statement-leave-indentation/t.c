int f(int r)
{
	if (r) {
		trace(1);
		bar(2);
	}
	while (r) {
		trace(3);

		bar(4);
	}
	if (r)
	{
		trace(5);
		bar(6);
	}
	return 0;
}
