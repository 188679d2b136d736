@@
identifier x;
@@
- \(int\|unsigned long\|struct foo\) x;
+ long x;
