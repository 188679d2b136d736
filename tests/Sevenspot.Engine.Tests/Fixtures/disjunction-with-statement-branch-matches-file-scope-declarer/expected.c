DEFINE_LOCK(m1);
static DEFINE_LOCK(m2);
DEFINE_OTHER(m3);

void f(struct list_head *b)
{
	struct list_head *a;

	bar(b);
}
