@@
expression E;
@@
  return
- E
+ wrap(E)
  ;
