@moved@
declaration decl;
@@

-long len@decl;

@@
declaration moved.decl;
@@

char *buf;
+decl
