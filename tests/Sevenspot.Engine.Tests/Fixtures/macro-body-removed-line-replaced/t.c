#define STEP(x) do { \
	trace(x); \
	work(x); \
} while (0)

#define LAST(x) do { \
	work(x); \
	trace(x); \
} while (0)

#define TWO(x, y) do {	\
	trace(x);	\
	work(x + y);	\
	trace(y);	\
} while (0)

#define SAME_LINE(x) do { trace(x); work(x); } while (0)

void run(int v)
{
	trace(v);
	work(v);
}
