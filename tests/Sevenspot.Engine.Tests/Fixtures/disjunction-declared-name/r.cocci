@@
expression E;
@@
- int \(a\|b\) = E;
+ long z = E;
