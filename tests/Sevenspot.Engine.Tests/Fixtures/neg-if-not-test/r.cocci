@@
expression x;
statement S1, S2;
@@
  if (!x)
-   S1
+   fail();
  else S2
