@@
expression E;
@@
- a(E);
+ na(E);
- b(E);
+ nb(E);
