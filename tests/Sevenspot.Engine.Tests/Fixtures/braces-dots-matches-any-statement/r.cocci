@@
expression E;
@@
if (E) {
  ... when != result
}
- return result;
+ return E;
