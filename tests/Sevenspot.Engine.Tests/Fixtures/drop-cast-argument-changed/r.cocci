@@
type T;
@@
  (T)kmalloc(
- 1
+ 2
  , ...)
