@r@
identifier fn;
@@
fn(...) { ... }

@@
identifier r.fn;
statement list SL;
@@
fn(...) {
<...
{
 SL
+ fini();
}
...>
}
