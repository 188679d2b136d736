@@
expression x;
statement S1;
@@
  if (x == NULL)
-   S1
+   { foo(); }
  else b();
