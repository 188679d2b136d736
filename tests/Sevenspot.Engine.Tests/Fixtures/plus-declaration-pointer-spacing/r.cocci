@@
type T;
identifier x;
@@
- T x;
+ int *x;
+ T *y;
+ const T *v;
+ T w[2];
