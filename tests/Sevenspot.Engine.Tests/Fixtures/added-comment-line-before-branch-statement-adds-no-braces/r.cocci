@@
expression E;
@@
+ // note
  foo(E);
