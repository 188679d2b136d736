#define CHECK(x) do {			\
		foo(x);			\
		if (x == NULL) {	\
			baz(x);
		qux(x);		\
		}			\
	} while (0)

#define CHECK_TAIL(x) do { if (x) { foo(x); baz(x);
		qux(x); } } while (0)
