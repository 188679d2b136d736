@@
type ty;
identifier fn;
parameter list ps;
@@
 ty
+__attribute__((warn_unused_result))
 fn(ps, struct netlink_ext_ack *extack);
