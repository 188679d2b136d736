struct s { int f; int h; };
static struct s a = { .h = 1, .f = g, };
static struct s b = { .f = k, .h = 2 };
static struct t c = { .f = m };
void fn(struct s x) {
  struct s d = { .f = n };
  foo();
}
