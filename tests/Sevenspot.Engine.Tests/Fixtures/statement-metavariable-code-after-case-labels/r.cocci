@@
statement S;
@@
 S
+foo();
