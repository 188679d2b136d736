@@
type T;
identifier x;
@@
- T
+ float
  x;
