@r@
identifier f;
fresh identifier ff = "_cf_";
parameter list pl;
type T;
@@
  T
- f
+ ff
  (pl) { ... }
+ T f(pl) { return ff(); }

@@
identifier r.ff;
@@
  ff(...) {
+ foo();
  ...
  }
