@@
type T;
identifier x;
fresh identifier z = "copy_" ## x;
@@
  T x;
+ T z;
