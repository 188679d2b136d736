@@
identifier tmp;
expression a;
type T;
@@

T tmp;
... when != tmp
- tmp = a;
+ tmp = reset(a);
