int f(int n) {
	g(n,
#ifdef A
	  1,
#endif
	  2);
	g(a, b);
}
