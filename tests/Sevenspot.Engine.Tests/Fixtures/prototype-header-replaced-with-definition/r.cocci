@@
identifier fn;
identifier ctx, nr;
@@

- fn(struct xfer_ctx *ctx, int nr)
+ fn(int nr)
 {
   ...
 }
