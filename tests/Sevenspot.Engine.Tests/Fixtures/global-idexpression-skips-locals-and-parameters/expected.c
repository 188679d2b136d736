void *g;
void f(void *p) {
  void *q = 0;
  free(q);
  free(p);
  global_free(g);
}
