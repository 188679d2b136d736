@r@
identifier id;
field list fs;
identifier I;
@@
struct id { fs } *I;

@@
field list r.fs;
@@
++struct copy { fs };
 struct marker { ... };
