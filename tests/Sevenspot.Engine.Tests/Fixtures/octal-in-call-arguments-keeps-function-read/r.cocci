@@
expression E;
@@
- bar(E);
+ baz(E);
