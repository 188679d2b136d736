int f() {
  int x[45] __attribute__((aligned(8)));
  int *y[3] __attribute__((aligned(8)));
  char z[2][3] __attribute__((aligned(8)));
  return 0;
}

int g(int a) {
  unsigned long w[sizeof(int) * 2] __attribute__((aligned(8)));
  return a;
}
