@@
expression E;
@@
  return
- E
  ;
