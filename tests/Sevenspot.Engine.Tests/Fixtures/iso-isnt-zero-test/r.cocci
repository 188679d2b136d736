@@
expression x;
@@
  if (x != 0)
- a();
+ b();
