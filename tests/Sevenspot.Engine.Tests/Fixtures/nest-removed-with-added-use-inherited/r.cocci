@r@
identifier v;
@@
 init(v);

@@
identifier r.v;
@@
- a(<+... v ...+>);
+ b(v);
