@@
identifier x;
@@
  a();
  ...
- x++;
+ inc(&x);
