@r@
identifier f;
fresh identifier ff = "_cf_";
@@
- f
+ ff
  (...) { ... }

@@
identifier r.ff;
@@
  ff(...) {
+ foo();
  ...
  }
