@@
expression E;
@@
- b(E);
...
d();
