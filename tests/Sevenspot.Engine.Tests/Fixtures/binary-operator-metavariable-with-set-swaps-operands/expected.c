int f(int x, int y) {
  int a = y + x;
  int c = x * y;
  return y - x;
}
