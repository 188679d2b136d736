struct s { int f; int h; };
static struct s a = { .h = 1, .f = z, };
static struct s b = { .f = z, .h = 2 };
static struct t c = { .f = m };
void fn(struct s x) {
  struct s d = { .f = z };
  x.f = z;
  foo();
}
