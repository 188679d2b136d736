@@
identifier x;
@@
  x++;
  ...
- x++;
+ twice(&x);
