@@
expression *x;
expression f;
type T;
@@
f(...,(T)(x),...,sizeof(
- x
+ *x
   ),...)
