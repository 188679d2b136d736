@@
expression E;
@@
  old(E);
+ // tail
