@@
expression E;
@@
- old(E);
+ #define X 1
