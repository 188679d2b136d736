@r@
declaration d;
@@
- d
