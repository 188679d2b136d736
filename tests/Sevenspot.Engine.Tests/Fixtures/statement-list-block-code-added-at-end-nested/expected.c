int f(int p)
{
	if (p) {
		for (;;) {
			b();
			fini();
		}
		fini();
	}
	return 0;
}
