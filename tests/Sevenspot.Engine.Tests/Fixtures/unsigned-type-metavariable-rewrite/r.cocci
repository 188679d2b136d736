@@
type T;
identifier x;
expression E;
@@
- unsigned T x = E;
+ T x = E;
