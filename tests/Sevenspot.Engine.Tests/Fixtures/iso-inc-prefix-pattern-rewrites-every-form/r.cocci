@@
identifier x;
@@
- ++x;
+ inc(&x);
