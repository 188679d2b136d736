@w@
identifier fn;
fresh identifier inner = "__wrap_";
@@
- fn
+ inner
  (...) { ... }

@@
identifier w.inner;
@@
  inner(...) {
+ trace_entry();
  ...
  }
