@@
identifier x, fld;
type T;
@@
T x = { ...,
 .fld =
- {...}
+ M(a)
 , ...};
