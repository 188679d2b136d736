@r@
expression E, A, B;
statement S;
@@
f(A =@E@S B);

@@
expression r.E;
@@
- g(E)
+ h(E)
