DEFINE_MUTEX(a);
static DEFINE_MUTEX(b);
extern DEFINE_MUTEX(c);

void f(void)
{
	mutex_lock(&a);
	mutex_lock(&b);
	mutex_lock(&c);
}
