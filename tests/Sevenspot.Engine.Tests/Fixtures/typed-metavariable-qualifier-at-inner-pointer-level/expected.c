void t(const char **a, char * const *b, char ** const c, const char * const *d, volatile char **e) {
  g(a);
  g(b);
  g(c);
  g(d);
  g(e);
}
