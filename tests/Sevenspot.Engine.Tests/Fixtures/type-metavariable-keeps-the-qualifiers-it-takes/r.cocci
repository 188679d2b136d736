@@
type T;
T *x;
@@
- g(x)
+ put(x, sizeof(T))
