@@
type T;
identifier x;
constant C;
@@
- T x = C;
  ... when != x
  return x;
