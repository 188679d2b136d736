int f(int x) {
  init();
  int y = 1;
  foo();
  bar(x);
  return y;
}
int g(void) {
	init();
}
int h(int a) {
  init();
  if (a) {
    init();
    foo();
    a++;
  }
  return a;
}
