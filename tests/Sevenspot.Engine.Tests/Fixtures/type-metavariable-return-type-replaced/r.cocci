@@
type rt;
identifier name;
@@
- rt
+ void
  name(...) { ... }
