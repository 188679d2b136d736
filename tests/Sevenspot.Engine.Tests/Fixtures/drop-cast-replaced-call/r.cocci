@@
expression dst;
expression sz, gfp;
type T;
@@
  dst =
-   (T)kvmalloc(sz, gfp)
+   kvzalloc(sz, gfp)
  ...
- memset(dst, 0, sz);
