int a = 0;
void f(void) {
  int b = 0;
  g();
}
