void f(void) {
  foo(1);
  foo(1, 2);
  foo();
}
