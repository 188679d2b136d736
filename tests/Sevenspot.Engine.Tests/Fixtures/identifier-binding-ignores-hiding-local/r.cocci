@@
identifier a;
@@
-f(a);
 ...
-g(a);
