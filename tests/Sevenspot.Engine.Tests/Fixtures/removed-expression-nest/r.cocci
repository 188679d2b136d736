@@
identifier callee;
type T;
identifier v;
expression lhs;
@@

(
- T v = <+... callee(...) ...+>;
|
- lhs = <+... callee(...) ...+>;
|
- return <+... callee(...) ...+>;
|
  log_val(<+...
- callee(...)
+ 0
  ...+>);
|
- emit(<+... callee(...) ...+>);
)
