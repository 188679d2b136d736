#define N(a) (ARRAY_SIZE(a))
#define M (ARRAY_SIZE(t) + 1)
#define K 3
int f(void) { return 0; }
