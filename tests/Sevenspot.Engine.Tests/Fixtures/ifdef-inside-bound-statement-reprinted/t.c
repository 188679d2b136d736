int f(int n) {
	g(n,
#ifdef A
	  1,
#endif
	  2);
	if (n) {
#ifdef B
		k();
#endif
		m();
	}
	return 0;
}
