@@
expression E;
@@
- old(E);
+ new(E);
+ #ifdef A
+ more(E);
+ #endif
