@@
identifier x;
@@
- x = x + 1;
+ inc(&x);
