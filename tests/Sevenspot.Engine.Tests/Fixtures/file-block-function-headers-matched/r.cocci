@@
identifier fn;
@@
int fn(...) {
+ trace();
  ...
}
