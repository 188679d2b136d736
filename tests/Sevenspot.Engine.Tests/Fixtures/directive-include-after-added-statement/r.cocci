@@
expression E;
@@
- old(E);
+ new(E);
+ #include <x.h>
