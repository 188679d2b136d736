@@
identifier i;
@@
+ unsigned
  int i;
