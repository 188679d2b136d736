int f(int x)
{
	if (x)
		g();
	h();
	if (x) {
		g();
	}
	h();
	if (x)
		g();
	else
		k();
	if (x) {
		g();
	} else
		k();
	if (x)
		if (x + 1)
			g();
	h();
	while (x)
		g();
	return 0;
}
