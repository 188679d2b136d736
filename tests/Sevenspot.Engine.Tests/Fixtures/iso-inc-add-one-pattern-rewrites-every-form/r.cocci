@@
identifier x;
@@
- x += 1;
+ inc(&x);
