int f(int x) {
  int y = 1;
  foo();
  bar(x);
  return y;
}
int g(void) {
}
int h(int a) {
  if (a) {
    foo();
    a++;
  }
  return a;
}
