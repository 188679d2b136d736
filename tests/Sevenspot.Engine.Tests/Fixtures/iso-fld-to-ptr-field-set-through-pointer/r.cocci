@r@
struct ops o;
identifier fn;
@@
 o.handler = fn;

@@
identifier r.fn;
expression E;
@@
- fn(E)
+ fn(E, 0)
