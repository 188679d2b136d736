@@
@@
- int *q, b;
