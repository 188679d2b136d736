int f(int x)
{
	if (x)
		z(x);
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
			z(x + 1);
	h();
	while (x)
		g();
	return 0;
}
