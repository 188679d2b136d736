void f(void) {
  foo(1, 2);
  bar(3);
  baz(4, 5);
  bar(6, 7, 8);
}
