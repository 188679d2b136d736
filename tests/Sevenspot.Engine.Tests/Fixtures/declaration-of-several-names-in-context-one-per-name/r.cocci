@@
@@
- int *q, b;
  foo();
