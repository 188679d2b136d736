@@
expression a;
@@
-f(a+1);
 ...
-g(a+1);
