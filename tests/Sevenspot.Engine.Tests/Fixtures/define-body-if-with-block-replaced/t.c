#define IFB(x) if (x) { foo(x); }
