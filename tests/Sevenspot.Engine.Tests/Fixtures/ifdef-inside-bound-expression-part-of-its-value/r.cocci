@@ expression E; @@
-alloca(E)
+malloc(E)
 ...
-alloca(E)
+malloc(E)
