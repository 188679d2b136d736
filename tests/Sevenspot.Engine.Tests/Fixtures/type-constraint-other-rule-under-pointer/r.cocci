@base@
type ty = { long, short };
identifier v;
@@
- ty v;
+ ty *v;

@@
type pt = base.ty *;
identifier v;
@@
- pt *v[];
+ pt v[];
