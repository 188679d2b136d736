void f(int *p, int **q) {
  release(p);
  free(*q);
}
