extern struct foo { int a; } *x;
struct bar { int a; } *y;
extern int z;
