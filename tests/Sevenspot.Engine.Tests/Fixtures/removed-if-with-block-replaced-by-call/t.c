void f(int y) {
 if (y) { foo(y); }
}
#define IFB(x) if (x) { foo(x); }
