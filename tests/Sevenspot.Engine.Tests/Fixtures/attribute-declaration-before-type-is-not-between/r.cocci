@@
type T;
identifier v;
attribute name __a;
@@
- T __a v;
+ T v = 1;
