@r@
expression list[n] EL;
@@
foo(EL);
@@
expression list[r.n] EL2;
@@
- bar(EL2);
+ baz(EL2);
