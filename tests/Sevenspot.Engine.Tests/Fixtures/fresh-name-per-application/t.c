int f(int, int, int x) {
  g(1);
  g(1);
  g(2);
  return x;
}
