@@
identifier fn;
identifier ctx, nr;
type T;
@@

 T
- fn(struct xfer_ctx *ctx, int nr)
+ fn(int nr)
 {
   ...
 }
