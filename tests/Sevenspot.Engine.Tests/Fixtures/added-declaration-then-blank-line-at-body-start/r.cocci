@@
identifier f;
@@
  f(...) {
+ unsigned long flags = 0;
+
  ...
  }
