@@
type T;
expression E;
@@
  g(
- (T)E
+ E
  , sizeof(T))
