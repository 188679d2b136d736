void f(int *p, int **q) {
  free(p);
  free(*q);
}
