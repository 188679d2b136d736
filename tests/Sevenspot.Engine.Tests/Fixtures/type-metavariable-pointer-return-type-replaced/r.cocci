@@
type T;
identifier fn;
@@
- T *
+ void *
  fn(...) { ... }
