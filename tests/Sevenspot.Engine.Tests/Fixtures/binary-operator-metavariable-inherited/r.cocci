@r@
binary operator b;
expression E;
@@
foo(E b 2);
@@
binary operator r.b;
expression E;
@@
- bar(E b 3);
+ baz(E);
