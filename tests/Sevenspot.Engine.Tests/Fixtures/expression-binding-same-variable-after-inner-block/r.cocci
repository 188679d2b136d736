@@
expression a;
@@
-f(a);
 ...
-g(a);
