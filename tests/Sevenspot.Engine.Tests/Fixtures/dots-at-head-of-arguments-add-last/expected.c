void f(void) {
  foo(1, 0);
  foo(1, 2, 0);
  foo();
}
