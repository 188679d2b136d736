#define A 1
#define B  x + 2
#define C
#define D(a) a
int f(void) { return A; }
