@r@
identifier fn;
expression E;
statement list SL;
@@
fn(...) {
  ...
  if (E) {
-   SL
+   helper();
  }
  ...
}
@s depends on r@
identifier r.fn;
statement list r.SL;
@@
fn(...) {...}
+ static void helper(void) { SL }
