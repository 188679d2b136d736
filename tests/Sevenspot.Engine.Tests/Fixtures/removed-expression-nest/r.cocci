@@
identifier FN;
type T;
identifier x;
expression y;
@@

(
- T x = <+... FN(...) ...+>;
|
- y = <+... FN(...) ...+>;
|
- return <+... FN(...) ...+>;
|
  g(<+...
- FN(...)
+ 0
  ...+>);
|
- h(<+... FN(...) ...+>);
)
