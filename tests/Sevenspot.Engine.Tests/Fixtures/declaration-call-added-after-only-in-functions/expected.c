int a;
void f(void) {
  int b;
  foo(b);
  g();
}
