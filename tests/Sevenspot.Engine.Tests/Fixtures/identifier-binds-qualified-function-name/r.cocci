@r@
identifier fn;
@@
static int fn(...) { ... }

@@
identifier r.fn;
@@
- fn(
+ checked(fn,
  ...)
