#define TXSSZ(val)     (val<<4)
#define ONE 1
#define TWO (1+1)
#define ADD(a, b) a + b
#define CALL(x) foo(x)
#define CALL2(x, y) foo(x + y)
#define STMT(x) foo(x);
#define DW(x) do { foo(x); bar(); } while (0)
#define BLK(x) { foo(x); }
#define NOBODY
int g(int y) { return foo(y) << 2; }
