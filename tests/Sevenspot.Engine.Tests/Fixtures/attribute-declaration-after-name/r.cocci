@@
type T;
identifier v;
attribute name __a;
@@

- T v __a;
+ T v = 0;
