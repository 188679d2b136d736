typedef struct s s_t;
struct s { int f; int h; };
static struct s a = { .h = 1, .f = z, };
static s_t b = { .f = z, .h = 2 };
static struct t c = { .f = m };
static struct u d = { .f = z };
void fn(struct u x) {
  x.f = z;
}
