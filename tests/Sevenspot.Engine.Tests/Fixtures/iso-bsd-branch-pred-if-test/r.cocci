@@
expression E;
@@
  if (__predict_false(E))
- return;
+ return 1;
