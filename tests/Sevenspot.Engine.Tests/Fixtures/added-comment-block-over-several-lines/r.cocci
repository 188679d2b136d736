@@
expression E;
@@
  use(E);
+ /*
+  * multi
+  */
+ done(E);
