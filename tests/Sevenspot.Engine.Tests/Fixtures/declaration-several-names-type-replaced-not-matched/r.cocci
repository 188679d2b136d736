@@
identifier i;
@@
- int
+ long
  i;
