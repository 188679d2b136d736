@@
expression E;
@@
  if (<+... E == NULL ...+>) {
+ bar(E);
  ...
  }
