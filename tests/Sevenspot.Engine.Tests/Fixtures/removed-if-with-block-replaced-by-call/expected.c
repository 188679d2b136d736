void f(int y) {
 bar(y);
}
#define IFB(x) bar(x);
