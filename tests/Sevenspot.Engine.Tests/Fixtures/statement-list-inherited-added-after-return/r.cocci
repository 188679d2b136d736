@r@
expression E;
statement list SL;
@@
if (E) {
- SL
}
@@
statement list r.SL;
@@
  return ...;
+ SL
