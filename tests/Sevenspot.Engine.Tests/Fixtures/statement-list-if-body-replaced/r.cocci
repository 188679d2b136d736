@r@
expression E;
statement list SL;
@@
if (E) {
- SL
+ g();
}
