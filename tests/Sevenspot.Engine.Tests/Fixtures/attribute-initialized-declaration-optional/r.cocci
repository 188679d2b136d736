@@
identifier i, j;
@@

struct i
- j
+ renamed
  = { ... };
