@r@
identifier I;
@@
struct s I = { };

@@
identifier r.I;
@@
- use(&I);
