int f() {
  int x[45];
  int *y[3];
  char z[2][3];
  return 0;
}

int g(int a) {
  unsigned long w[sizeof(int) * 2];
  return a;
}
