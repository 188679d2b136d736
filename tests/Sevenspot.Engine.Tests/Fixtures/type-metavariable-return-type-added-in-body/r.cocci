@@
type T;
identifier fn;
@@
  T fn(...)
  {
+ T fake;
  ...
  }
