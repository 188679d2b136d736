@@
expression E;
@@
+ pre(E);
+
  b(E);
+ post(E);
+
