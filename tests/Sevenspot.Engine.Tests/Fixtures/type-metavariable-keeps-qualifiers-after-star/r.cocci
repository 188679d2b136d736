@r@
type T;
identifier x = a;
@@
T x;

@@
type r.T;
identifier y;
@@
- T y;
