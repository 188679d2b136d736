@@
expression E;
@@
- a(E);
+ if (E) na(E);
- b(E);
+ nb(E);
