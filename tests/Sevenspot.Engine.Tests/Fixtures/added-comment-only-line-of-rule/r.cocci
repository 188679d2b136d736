@@
expression E;
@@
  use(E);
+ // hello
