@@
expression E, F;
@@
  return E
- * F
  ;
