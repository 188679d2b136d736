@@
expression x;
@@
  z =
- a(1, <+... x ...+>)
+ b(x)
  ;
