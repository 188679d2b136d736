@exists@
expression x, y;
@@
foo(x);
...
(
  PTR_ERR(x)
|
- PTR_ERR(y)
+ PTR_ERR(x)
)
