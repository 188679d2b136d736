@@
type T,U;
attribute name __a;
identifier x,y;
@@

T x(
-   U y __a
+   long z
  ) {...}
