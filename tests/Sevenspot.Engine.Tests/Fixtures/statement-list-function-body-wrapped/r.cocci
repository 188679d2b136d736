@r@
identifier fn;
statement list SL;
@@
fn(...) {
+ start();
  SL
+ stop();
}
