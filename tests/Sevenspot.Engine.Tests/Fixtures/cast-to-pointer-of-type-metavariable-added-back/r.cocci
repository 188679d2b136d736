@@
type T;
expression E;
identifier f;
@@
  f(...,
- (T **)E
+ (T **)cast_check(E)
  ,...)
