#define h2(a,b) 3
#define h2(a,b) 3
#define h2(a,b) 3
#define h2(a,b) 3
#define h(b,a) 3
#define h(a) 3
#define k(a) (a)
