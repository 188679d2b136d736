@@
expression X;
@@
- sizeof(X)
+ sizeof(int)
