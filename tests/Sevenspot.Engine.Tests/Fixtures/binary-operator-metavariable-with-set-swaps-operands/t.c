int f(int x, int y) {
  int a = x + y;
  int c = x * y;
  return x - y;
}
