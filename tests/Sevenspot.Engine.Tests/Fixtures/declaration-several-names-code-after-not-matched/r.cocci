@@
identifier i;
@@
  int i;
+ after(i);
