void f(int x, int y) {
  x += y;
  x -= 2;
  x *= 3;
  x = 4;
}
