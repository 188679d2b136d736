@disable optional_attributes@
type T;
identifier v;
@@

  T
- __attribute__((unused))
+ __attribute__((used))
  v;
