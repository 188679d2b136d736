@@
type T = { int, long } || =~ "^char" && !~ "[*]";
identifier x;
@@
- T x;
+ T y;
