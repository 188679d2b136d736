void f(int *p, int *q) {
  foo(p == NULL);
  foo(q != NULL);
  foo(q == NULL && 1);
}
