@@
identifier N;
expression X;
@@
- #define N X
+ #define N (X)
