DEFINE_SPINLOCK(lock_a);
int x;
static DEFINE_SPINLOCK(lock_b);
DEFINE_SPINLOCK(lock_a);
int x;
void f(void) {
  DEFINE_SPINLOCK(lock_c);
  g();
}
