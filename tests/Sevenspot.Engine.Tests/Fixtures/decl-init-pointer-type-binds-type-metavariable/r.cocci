@r@
type T;
identifier I;
@@
T *I;

@@
type r.T;
identifier r.I;
@@
- sizeof(T)
+ sizeof(*I)
