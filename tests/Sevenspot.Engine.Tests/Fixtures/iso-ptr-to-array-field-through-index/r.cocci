@@
expression E, V;
@@

- E->count = V;
+ set_count(E, V);
