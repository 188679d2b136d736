@r@
identifier id, I;
@@
struct id *I;

@@
identifier r.I;
@@
- use(I);
