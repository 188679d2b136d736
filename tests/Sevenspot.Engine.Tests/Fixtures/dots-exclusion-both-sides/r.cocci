@@
expression E;
@@
a();
...
- b(E);
...
d();
