@@
type T = { unsigned long, bool *, struct s };
identifier x;
@@
- T x;
+ T y;
