@@
expression E;
@@
  use(E);
+ x = E /* mid */ + 1;
