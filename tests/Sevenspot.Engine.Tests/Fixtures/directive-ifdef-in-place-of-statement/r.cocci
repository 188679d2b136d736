@@
expression E;
@@
- old(E);
+ #ifdef A
+ new(E);
+ #endif
