@r@
struct s x;
identifier fn;
@@
 x.f = fn;

@@
identifier r.fn;
@@
- fn
+ z
