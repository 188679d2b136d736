void t(const char **a, char * const *b, char ** const c, const char * const *d, volatile char **e) {
  f(a);
  f(b);
  f(c);
  f(d);
  f(e);
}
