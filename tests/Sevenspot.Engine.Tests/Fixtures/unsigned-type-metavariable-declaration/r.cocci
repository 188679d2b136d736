@@
type T;
identifier x;
@@
- unsigned T x;
