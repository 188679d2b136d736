struct s { int a; };
typedef const struct s cs;
void t(const struct s *a, struct s * const b, cs *c, const struct s **d, volatile struct s *e, int (*fp)(const struct s *)) {
  g(a);
  g(b);
  g(c);
  f(d);
  g(e);
  f(fp);
}
