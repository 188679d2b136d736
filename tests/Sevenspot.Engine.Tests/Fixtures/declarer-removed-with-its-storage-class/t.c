DEFINE_MUTEX(a);
static DEFINE_MUTEX(b);
int x;
