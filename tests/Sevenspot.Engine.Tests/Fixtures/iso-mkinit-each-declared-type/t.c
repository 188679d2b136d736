typedef struct s s_t;
struct s { int f; int h; };
static struct s a = { .h = 1, .f = g, };
static s_t b = { .f = k, .h = 2 };
static struct t c = { .f = m };
static struct u d = { .f = n };
void fn(struct u x) {
  x.f = q;
}
