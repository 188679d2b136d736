struct s { int a; };
void t(int **a, const int **b, int * const *c, char ***d, const struct s *e) {
  f(a);
  f(b);
  f(c);
  f(d);
  f(e);
}
