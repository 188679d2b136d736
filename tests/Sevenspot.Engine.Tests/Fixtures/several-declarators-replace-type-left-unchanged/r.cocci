@@
identifier x;
@@
- short x;
+ long x;
