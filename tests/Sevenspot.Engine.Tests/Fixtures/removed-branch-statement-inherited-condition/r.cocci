@r@
expression E;
@@
if (E) { g(); }
@@
expression r.E;
@@
if (E)
- g();
+ z(E);
