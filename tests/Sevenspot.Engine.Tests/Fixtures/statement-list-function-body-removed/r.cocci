@r@
identifier fn;
statement list SL;
@@
fn(...) {
- SL
+ g();
}
