@disable optional_attributes@
identifier i, j;
@@

struct i
- j
+ renamed
  = { ... };
