@@
type ty;
identifier v;
@@
- ty
+ double
  v;
