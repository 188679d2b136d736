void f(void) {
  bar();
  lock();
  foo();
}
