#define N(a) (sizeof(a)/sizeof(a[0]))
#define M (sizeof(t)/sizeof(t[0]) + 1)
#define K 3
int f(void) { return 0; }
