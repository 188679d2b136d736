@@
identifier f;
@@
\(int\|long\) f(...) {
+ trace();
  ...
}
