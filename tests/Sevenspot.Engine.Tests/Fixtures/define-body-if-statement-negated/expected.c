#define BLK(x) { foo(x); }
#define BLK2(x) { foo(x); a(); }
#define IFF(x) if (x) return
#define IFG(x) if (!x)
g();
