@r@
type T;
identifier x;
@@
signed T x;

@@
type r.T;
identifier y;
@@
- T y;
+ T y = 0;
