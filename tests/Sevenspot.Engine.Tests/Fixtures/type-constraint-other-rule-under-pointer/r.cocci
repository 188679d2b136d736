@r2@
type T = { int, char };
identifier x;
@@
- T x;
+ T *x;

@@
type T = r2.T *;
identifier x;
@@
- T *x[];
+ T x[];
