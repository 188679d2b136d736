@@
identifier i;
@@
- int i;
++ long i;
