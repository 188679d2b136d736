@@
identifier f;
@@
- int f(int a) {...}
