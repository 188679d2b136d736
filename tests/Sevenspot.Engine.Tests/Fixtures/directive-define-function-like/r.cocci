@r@
identifier NUM, x;
@@
- #define NUM(x)  ARRAY_SIZE(x)

@@
identifier r.NUM;
expression E;
@@
- NUM(E)
+ ARRAY_SIZE(E)
