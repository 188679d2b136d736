typedef struct foo { int a; } foo_t;

int one() {
  struct foo *a;
  foo_t *b;

  xxx(a);
  yyy(b);
}

int two() {
  foo_t *a;
  struct foo *b;

  xxx(a);
  yyy(b);
}

int three() {
  struct bar *a;
  foo_t *b;

  xxx(a);
  yyy(b);
}
