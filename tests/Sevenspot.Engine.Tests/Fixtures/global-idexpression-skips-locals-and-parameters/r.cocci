@@
global idexpression x;
@@
- free(x);
+ global_free(x);
