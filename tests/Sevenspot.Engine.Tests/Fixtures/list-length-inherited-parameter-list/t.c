int g(char *x, int y, int z) {
  return f(x, 0);
}

int h(int a, int b) {
  return 0;
}
