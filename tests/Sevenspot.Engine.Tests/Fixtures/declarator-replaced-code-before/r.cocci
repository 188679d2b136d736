@@
identifier i = x;
@@
+ unsigned i;
- int i;
