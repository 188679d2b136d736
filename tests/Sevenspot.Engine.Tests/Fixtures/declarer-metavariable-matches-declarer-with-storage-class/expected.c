DEFINE_SPINLOCK(a);
static DEFINE_SPINLOCK(b);
static DEFINE_MUTEX(c);

void f(void)
{
	mutex_lock(&a);
	mutex_lock(&b);
	mutex_lock(&c);
	spin_lock(&d);
}
