void g(void *x) {
  kfree(x);
  vfree(x);
  xfree(x);
}
