struct s { int a; };
void t(int **a, const int **b, int * const *c, char ***d, const struct s *e) {
  g((int *)a);
  g((const int *)b);
  g((int * const)c);
  g((char **)d);
  g((const struct s)e);
}
