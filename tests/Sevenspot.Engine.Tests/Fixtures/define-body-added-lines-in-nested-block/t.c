#define CHECK(x) do {			\
		foo(x);			\
		if (x == NULL) {	\
			bar(x);		\
		}			\
	} while (0)

#define CHECK_TAIL(x) do { if (x) { foo(x); bar(x); } } while (0)
