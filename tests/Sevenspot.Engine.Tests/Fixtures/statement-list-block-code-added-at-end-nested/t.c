int f(int p)
{
	if (p) {
		for (;;) {
			b();
		}
	}
	return 0;
}
