struct s { int a; };
typedef const struct s cs;
void t(const struct s *a, struct s * const b, cs *c, const struct s **d, volatile struct s *e, int (*fp)(const struct s *)) {
  f(a);
  f(b);
  f(c);
  f(d);
  f(e);
  f(fp);
}
