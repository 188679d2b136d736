int one() {
  struct foo *a;
  foo_t *b;

  xxx(a);
  yyy(b);
}
