#define INC(v) v++
#define INC2(v) (v++, v++)
int f(int i) { i++; return i; }
