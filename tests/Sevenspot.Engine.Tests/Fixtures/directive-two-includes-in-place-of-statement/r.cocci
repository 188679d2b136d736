@@
expression E;
@@
- old(E);
+ #include <x.h>
+ #include <y.h>
