void g(void *x) {
  kfree(x);
  vfree(x);
  release(x);
}
