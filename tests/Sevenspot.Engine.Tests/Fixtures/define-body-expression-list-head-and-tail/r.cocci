@@
expression list es;
expression e;
@@
- g(e, es)
+ h(es, e)
