@@
type ty;
identifier v;
fresh identifier dup = "saved_" ## v;
@@
  ty v;
+ ty dup;
