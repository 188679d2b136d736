@@
@@
- int *q, b;
+ long z;
+ long y;
