int f(int x) {
  start();
  int y = 1;
  foo();
  bar(x);
  return y;
  stop();
}
int g(void) {
	start();
	stop();
}
int h(int a) {
  start();
  if (a) {
    foo();
    a++;
  }
  return a;
  stop();
}
