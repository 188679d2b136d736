@ disable braces4 @
statement S;
@@
 {
 S
 }
+foo();
