@@
identifier x;
@@
- int x;
+ int x = 0;
