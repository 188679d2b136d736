@@
expression x;
@@
- x = g(1)
+ replaced()

@@
expression x;
@@
  x
- =
+ +=
  g(2)

@@
identifier x;
@@
- x
+ y
  = g(3)

@@
identifier x;
@@
- x = g(4)
+ y = k(4)

@@
expression x;
@@
  x =
- g(5)
+ k(5)

@@
expression x;
@@
- x = g(6)
+ x = k(6)
