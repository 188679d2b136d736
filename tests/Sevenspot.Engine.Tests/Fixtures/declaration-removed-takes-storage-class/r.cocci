@@
identifier E;
@@
-int E;
