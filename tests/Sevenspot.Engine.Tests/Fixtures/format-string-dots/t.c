int main () {
  printf("one %d two\n", 1);
  printf("%d", x);
  printf("one %5d two\n", 1);
  printf("one %ld two\n", 1);
  printf("... literal dots\n", 1);
  printf("100%% done %d\n", n);
  log("%s", s);
  log("%s: failed\n", s);
  log("x%s", s);
  log("%d%s", s);
  warn("a %d b %d\n", 1, 2);
  warn("a %d b\n", 1);
  warn("%d%d%d", 1, 2, 3);
}
