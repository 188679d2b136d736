@r@
identifier id;
field list fs;
identifier I;
declaration d;
@@
(
struct id { fs } *I;
&
- d
)
