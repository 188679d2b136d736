#define IFB(x) bar(x);
