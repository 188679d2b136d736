@@
expression i;
identifier tmp;
type t1;
@@
-t1 tmp;
 <... when strict
      when != tmp
 swap(i,tmp);
 ...>
?t1 tmp;
