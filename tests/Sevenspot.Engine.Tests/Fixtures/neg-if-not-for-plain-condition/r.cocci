@@
expression E;
statement S2;
@@
  if (E)
-   a();
+   fail();
  else S2
