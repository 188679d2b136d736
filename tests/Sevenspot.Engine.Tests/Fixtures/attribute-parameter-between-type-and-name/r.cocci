@@
type T,U;
attribute name __a;
identifier x,y;
@@

T x(
-   U __a y
+   long z
  ) {...}
