@@
@@
enum h {
  ...,
  b,
+ z
};
