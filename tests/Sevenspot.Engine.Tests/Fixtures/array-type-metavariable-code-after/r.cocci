@@
type T;
identifier x;
@@
  T
+ __attribute__((aligned(8)))
  x;
