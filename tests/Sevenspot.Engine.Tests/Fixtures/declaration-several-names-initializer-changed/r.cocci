@@
identifier i;
expression E;
@@
  int i =
- E
+ 7
  ;
