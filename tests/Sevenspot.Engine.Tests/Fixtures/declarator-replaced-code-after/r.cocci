@@
identifier i = x;
@@
- int i;
+ unsigned i;
