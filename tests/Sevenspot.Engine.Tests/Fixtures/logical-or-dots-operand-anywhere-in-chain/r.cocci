@@
expression x;
statement S;
@@
if (
- IS_ERR(x)
+ IS_ERR_OR_NULL(x)
  || ...) S
