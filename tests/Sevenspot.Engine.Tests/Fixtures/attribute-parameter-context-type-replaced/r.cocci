@@
type T,U;
attribute name __a;
identifier x,y;
@@

T x(...,
-   U
+   char
    __a *y, ...) {...}
