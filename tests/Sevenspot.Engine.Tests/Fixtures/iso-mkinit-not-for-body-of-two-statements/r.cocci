@r@
struct s x;
identifier fn;
@@
 x.f = fn;
 foo();

@@
identifier r.fn;
@@
- fn
+ z
