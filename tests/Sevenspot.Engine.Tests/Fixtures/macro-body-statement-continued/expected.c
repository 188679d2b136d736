#define FREE_ALL(p, q)		\
	do {			\
		kvfree(p);	\
		if (q)		\
			kvfree(q);	\
	} while (0)

#define FREE_ONE(p) kfree(p)
void g(int *x) { kvfree(x); }
