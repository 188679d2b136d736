@r@
identifier fn;
@@
int fn(...) { ... }
@@
identifier r.fn;
fresh identifier helper = fn ## "_helper";
@@
  int fn(...) {
+ helper();
  ...
  }
