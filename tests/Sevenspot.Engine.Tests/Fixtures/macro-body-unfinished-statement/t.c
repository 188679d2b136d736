#define for_each_ok(x, i)						\
	for ((i) = 0; (i) < COUNT; (i)++)				\
		if (!((x) = lookup(i)))					\
			;						\
		else

#define SAME(x) { if (x) ; else ; }
