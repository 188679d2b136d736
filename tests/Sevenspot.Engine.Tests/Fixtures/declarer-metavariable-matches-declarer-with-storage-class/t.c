DEFINE_SPINLOCK(a);
static DEFINE_SPINLOCK(b);
static DEFINE_MUTEX(c);

void f(void)
{
	spin_lock(&a);
	spin_lock(&b);
	spin_lock(&c);
	spin_lock(&d);
}
