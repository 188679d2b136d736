int f(int x) {
  int y = 1;
  foo();
  bar(x);
  return y;
  foo();
  a++;
}
int g(void) {
}
int h(int a) {
  if (a) {
  }
  return a;
  foo();
  a++;
}
