@@
expression E;
@@
- old(E);
+ #include <x.h>
