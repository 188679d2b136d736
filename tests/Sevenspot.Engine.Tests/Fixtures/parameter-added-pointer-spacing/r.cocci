@@
identifier f;
type T;
@@
  T f(...) { 
+ struct foo *b = NULL;
+ char **c;
+ const struct bar * const e = 0;
  ...
  }
+ struct foo *k(char *x);
+ struct foo **k2(char **x, char *const *y);
