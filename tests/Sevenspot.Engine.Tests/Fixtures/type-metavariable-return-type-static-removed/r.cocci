@@
type T;
identifier fn;
@@
- static T
+ T
  fn(...) { ... }
