@@
@@
  a();
  ... when any
- b();
