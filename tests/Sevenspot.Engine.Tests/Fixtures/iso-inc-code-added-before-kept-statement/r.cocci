@@
identifier x;
@@
+ before(x);
  x += 1;
