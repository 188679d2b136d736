@@
expression E;
@@

while (E) {
  <...
  foo();
+ bar();
  break;
  ...>
}
