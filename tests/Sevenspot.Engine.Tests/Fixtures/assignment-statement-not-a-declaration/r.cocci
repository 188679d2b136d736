@@
expression x;
expression E1,E2;
@@

  x =
-   kmalloc(E1,E2)
+   kzalloc(E1, E2)
  ;
