@@
identifier x;
@@
 int x;
+ foo(x);
