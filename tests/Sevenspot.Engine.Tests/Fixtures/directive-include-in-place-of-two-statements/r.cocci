@@
expression E;
@@
- a();
- old(E);
+ #include <x.h>
