@@
type ty;
identifier v;
@@
  ty
+ __attribute__((aligned(16)))
  v;
