@@
expression x;
statement S2;
@@
  if (x == NULL)
-   a();
+   fail();
  else S2
