@@
type T;
identifier x;
@@

- (T) x
+ CAST(T, x)
