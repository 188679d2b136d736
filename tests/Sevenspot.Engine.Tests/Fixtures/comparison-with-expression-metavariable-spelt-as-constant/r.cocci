@@
expression E2;
@@
- x == E2
+ same(E2)
