@@
identifier x;
@@
- x--;
+ dec(&x);
