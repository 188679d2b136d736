@a@
declaration d;
@@

-int x@d;

@@
declaration a.d;
@@

int y;
+d
