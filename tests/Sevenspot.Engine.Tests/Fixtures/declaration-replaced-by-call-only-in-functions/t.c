int a;
void f(void) {
  int b;
  g();
}
