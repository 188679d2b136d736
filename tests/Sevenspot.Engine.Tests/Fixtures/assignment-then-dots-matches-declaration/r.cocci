@@
expression dst;
expression sz, gfp;
@@

  dst =
-   kvmalloc(sz, gfp)
+   kvzalloc(sz, gfp)
  ...
- memset(dst, 0, sz);
