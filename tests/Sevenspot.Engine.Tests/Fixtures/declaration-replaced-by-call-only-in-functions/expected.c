int a;
void f(void) {
  foo(b);
  g();
}
