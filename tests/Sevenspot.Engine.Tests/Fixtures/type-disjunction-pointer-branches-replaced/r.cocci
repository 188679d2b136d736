@@
identifier x;
expression E;
@@
- \(char *\|short *\) x = E;
+ void *x = E;
