@@
identifier fn;
statement list SL;
@@
fn(...) {
  SL
- return ...;
}
