void f(void) {
  foo();
  lock();
  bar();
}
