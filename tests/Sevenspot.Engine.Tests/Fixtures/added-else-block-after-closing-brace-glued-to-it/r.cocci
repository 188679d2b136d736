@@
expression E;
@@
  if (E) {
  ...
  }
+ else {
+ bar(E);
+ }
