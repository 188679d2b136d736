void f() {
  int *k;
  int *y;
  const int *v;
  int w[2];
  int *p;
  bool **y;
  const bool **v;
  bool * w[2];
}
