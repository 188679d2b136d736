@@
expression x;
@@
  foo(x);
+ qux(x);
