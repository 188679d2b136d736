DEFINE_MUTEX(lock_a);
int x;
static DEFINE_MUTEX(lock_b);
DEFINE_MUTEX(lock_a);
int x;
void f(void) {
  DEFINE_MUTEX(lock_c);
  g();
}
