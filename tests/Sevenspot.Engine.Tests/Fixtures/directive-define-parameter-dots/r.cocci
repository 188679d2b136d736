@@
identifier p;
@@
- #define h(...,a,...,b,...) 3
+ #define h2(a,b) 3

@@
identifier p;
@@
- #define k(p,...) (p + b)
+ #define k(p) (p)
