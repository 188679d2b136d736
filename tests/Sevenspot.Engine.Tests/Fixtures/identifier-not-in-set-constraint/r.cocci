@@
identifier f != {kfree, vfree};
expression E;
@@
- f(E);
+ release(E);
