@@
expression p;
@@
- p = g(h(0), 0);
+ p = k();
