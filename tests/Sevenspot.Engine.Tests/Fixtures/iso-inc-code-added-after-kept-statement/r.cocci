@@
identifier x;
@@
  x++;
+ done(x);
