// The qualifier written beside T is the code's own; T takes the rest of the type.
@@
type T;
expression E;
@@
- fill((const T *)E,
+ fill((T *)E,
  ...)
