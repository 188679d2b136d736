@@
expression E, F, G;
@@
  G = E
- * F
  ;
