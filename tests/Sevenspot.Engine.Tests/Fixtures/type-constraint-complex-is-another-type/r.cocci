@@
type T = double;
identifier I;
@@
-T
+float
I;

@@
type T = { long double };
identifier I;
@@
-T
+long double complex
I;
