int main () {
  print_int(1);
  print_int(x);
  printf("one %5d two\n", 1);
  printf("one %ld two\n", 1);
  printf("... literal dots\n", 1);
  print_int(n);
  log_s(s);
  log_s(s);
  log("x%s", s);
  log("%d%s", s);
  warn2();
  warn("a %d b\n", 1);
  warn2();
}
