#define h(x,a,y,b,z) 3
#define h(a,y,b,z) 3
#define h(a,b) 3
#define h(x,a,b) 3
#define h(b,a) 3
#define h(a) 3
#define k(a, b) (a + b)
