@@
identifier f;
@@
 f(int \(x\|y\), int z) {
  ...
- return 0;
+ return z;
 }
