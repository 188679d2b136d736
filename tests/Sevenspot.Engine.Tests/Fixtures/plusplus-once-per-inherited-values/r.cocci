@r@
identifier fn, x;
@@
fn(x);

@t@
identifier r.fn;
fresh identifier w = "wrap_" ## fn;
@@
++ void w(void);
  void main2(void) { ... }

@u@
identifier r.x;
identifier r.fn;
@@
  fn(
- x
+ 0
  );
