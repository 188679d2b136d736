@@
identifier x;
type T;
@@
T x =
- {...}
+ M(a)
;
