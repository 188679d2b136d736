@@
expression a;
@@
  foo(a,
+ /* added */ 0,
  ...)
