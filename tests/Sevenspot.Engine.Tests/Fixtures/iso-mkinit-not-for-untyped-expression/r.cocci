@r@
expression x;
identifier fn;
@@
 x.f = fn;

@@
identifier r.fn;
@@
- fn
+ z
