@@
typedef Error;
type T;
identifier FN;
parameter list PS;
@@
 T
+__attribute__((nonnull))
 FN(PS, Error **errp);
