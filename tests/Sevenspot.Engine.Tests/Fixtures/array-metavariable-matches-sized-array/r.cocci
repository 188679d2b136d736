@r@
type T;
T[] E;
@@
- sizeof(E)
+ SZ(E)
