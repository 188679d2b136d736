@@
identifier tmp;
expression a, b;
type T;
@@

- T tmp;
... when != tmp
- tmp = a;
- a = b;
- b = tmp
+ swap(a, b)
  ;
... when != tmp
