@r@
expression E;
@@
b(E);
...
d();

@@
expression r.E;
@@
- b(E);
