@w@
identifier fn;
fresh identifier inner = "__wrap_";
parameter list ps;
type T;
@@
  T
- fn
+ inner
  (ps) { ... }
+ T fn(ps) { return inner(); }

@@
identifier w.inner;
@@
  inner(...) {
+ trace_entry();
  ...
  }
