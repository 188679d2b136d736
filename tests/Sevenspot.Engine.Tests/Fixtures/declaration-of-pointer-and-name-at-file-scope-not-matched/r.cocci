@@
@@
- int *p, a;
