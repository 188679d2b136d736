#define INC(v) v = v + 1
#define INC2(v) (v = v + 1, v = v + 1)
int f(int i) { i = i + 1; return i; }
