#define FREE_ALL(p, q)		\
	do {			\
		kfree(p);	\
		if (q)		\
			kfree(q);	\
	} while (0)

#define FREE_ONE(p) kfree(p)
void g(int *x) { kfree(x); }
