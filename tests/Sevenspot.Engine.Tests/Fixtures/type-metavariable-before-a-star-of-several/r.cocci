@@
type T;
T *x;
@@
- f(x);
+ g((T)x);
