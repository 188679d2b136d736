@@
type T;
expression E;
@@
- read_buf((const T *)E, 
+ read_buf(E, 
  ...)
