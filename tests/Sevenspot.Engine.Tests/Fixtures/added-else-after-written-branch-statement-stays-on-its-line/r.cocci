@@
expression E;
@@
  if (E)
  foo(E);
+ else
+ bar(E);
