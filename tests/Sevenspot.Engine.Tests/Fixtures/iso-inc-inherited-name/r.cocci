@r@
identifier x;
@@
  b();
  ...
  ++x;

@@
identifier r.x;
@@
- x++;
+ x += 2;
