#define STEP(x) do { \
	work(x); \
} while (0)

#define LAST(x) do { \
	work(x); \
	done(); \
} while (0)

#define TWO(x, y) do {	\
	work(x + y);	\
} while (0)

#define SAME_LINE(x) do { work(x); } while (0)

void run(int v)
{
	work(v);
}
