@r@
typedef s_t;
{struct s, s_t, struct u} x;
identifier fn;
@@
 x.f = fn;

@@
identifier r.fn;
@@
- fn
+ z
