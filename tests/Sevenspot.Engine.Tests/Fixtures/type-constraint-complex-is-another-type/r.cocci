@@
type ty = double;
identifier v;
@@
-ty
+float
v;

@@
type ty = { long double };
identifier v;
@@
-ty
+long double complex
v;
