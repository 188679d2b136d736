@@
identifier f;
@@
  int f(int a
- , int b
  ) {...}
