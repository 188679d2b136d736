@@
type T;
T x;
@@
- h(x, sizeof(T))
+ h_typed(x)

@@
type T;
expression x;
@@
- k(x, sizeof(T))
+ k_sized(x)
