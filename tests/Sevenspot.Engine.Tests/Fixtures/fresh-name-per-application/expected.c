int f(int tmp3, int tmp4, int x) {
  int v0 = 1;
  use(v0, v0);
  int v1 = 1;
  use(v1, v1);
  int v2 = 2;
  use(v2, v2);
  return x;
}
