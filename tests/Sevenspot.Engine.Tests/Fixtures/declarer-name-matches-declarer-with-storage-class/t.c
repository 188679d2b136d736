DEFINE_MUTEX(a);
static DEFINE_MUTEX(b);
extern DEFINE_MUTEX(c);

void f(void)
{
	spin_lock(&a);
	spin_lock(&b);
	spin_lock(&c);
}
