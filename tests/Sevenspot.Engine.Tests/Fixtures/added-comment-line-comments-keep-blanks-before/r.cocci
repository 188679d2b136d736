@@
expression E;
@@
- old(E);
+ new(E);  /* two */   // three
