@@
expression E;
@@
  use(E);
+ /* lead */ first(E); /* trail */
+ second(E);
