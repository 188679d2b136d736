void f(int *p, int *q) {
  foo(p == NULL);
  if (q == NULL) {
    x();
  }
}
