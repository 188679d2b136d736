int f(int x)
{
	if (x)
		{}
	h();
	if (x) {
	}
	h();
	if (x)
		{}
	else
		k();
	if (x) {
	} else
		k();
	if (x)
		if (x + 1)
			{}
	h();
	while (x)
		{}
	return 0;
}
