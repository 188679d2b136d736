@r@
statement S;
expression E;
@@
g(E)@S

@@
statement r.S;
@@
- S
