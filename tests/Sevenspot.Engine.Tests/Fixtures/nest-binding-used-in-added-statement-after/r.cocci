@@
expression E;
@@
  foo(<+... E == NULL ...+>);
+ bar(E);
