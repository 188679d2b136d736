@@
identifier f, x;
@@
  f(...,
- int x
+ long x
  ) { ... }
