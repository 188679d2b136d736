@@
expression i;
identifier tmp;
type t1;
@@
-t1 tmp;
 ... when != tmp
?t1 tmp;
