@@
@@
-int x;
+long x;
