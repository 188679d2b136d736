@@
attribute name aarg;
identifier f;
@@
- aarg(1,2)
  int f(...) { ... }
