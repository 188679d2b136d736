int f(int n) {
	h(n,
	  
#ifdef A
 1,
	  
#endif
 2);
	h(a, b);
}
