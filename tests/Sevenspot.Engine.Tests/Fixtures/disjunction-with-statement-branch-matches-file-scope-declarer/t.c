DEFINE_MUTEX(m1);
static DEFINE_MUTEX(m2);
DEFINE_OTHER(m3);

void f(struct list_head *b)
{
	struct list_head *a;

	list_for_each(a, b) {
		foo(a);
	}
	bar(b);
}
