@@
expression E;
@@
  use(E);
+ /* note */
+ after(E); // why
+ more(E);
+ /* between */
+ last(E);
