@@
@@
  a();
  ... when strict
- b();
