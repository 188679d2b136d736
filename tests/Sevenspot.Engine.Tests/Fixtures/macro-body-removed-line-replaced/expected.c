#define STEP(x) do { \
	trace_event(x, 0); \
	work(x); \
} while (0)

#define LAST(x) do { \
	work(x); \
	trace_event(x, 0); \
} while (0)

#define TWO(x, y) do {	\
	trace_event(x, 0);	\
	work(x + y);	\
	trace_event(y, 0);	\
} while (0)

#define SAME_LINE(x) do { trace_event(x, 0); work(x); } while (0)

void run(int v)
{
	trace_event(v, 0);
	work(v);
}
