void f(void) {
  foo();
  lock();
  foo();
}
