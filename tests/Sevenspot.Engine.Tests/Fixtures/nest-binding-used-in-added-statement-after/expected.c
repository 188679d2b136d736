void f(int *p, int *q) {
  foo(p == NULL);
  bar(p);
  foo(q != NULL);
  foo(q == NULL && 1);
  bar(q);
}
