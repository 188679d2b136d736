@r@
struct s x;
identifier fn;
@@
 x.f =
- fn
+ z
 ;
