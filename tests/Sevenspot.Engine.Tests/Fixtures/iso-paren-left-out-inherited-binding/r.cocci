@r@
expression E;
@@
k(E);

@@
expression r.E;
@@
- m(E)
+ n(E)
