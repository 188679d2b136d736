void f(void) {
  a();
  c();
}
