@r@
expression E, A, B;
@@
f(A +@E B);

@@
expression r.E;
@@
- g(E)
+ h(E)
