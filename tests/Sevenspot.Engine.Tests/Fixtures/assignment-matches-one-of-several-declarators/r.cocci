@@
expression x;
@@
  x =
- f(2)
+ g(3)
