@@
typedef BLOB;
@@
-BLOB
+void*
