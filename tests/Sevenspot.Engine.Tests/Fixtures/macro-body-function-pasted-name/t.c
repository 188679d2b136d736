#define DEFINE_TEST(func, want_arg)					\
static void test_ ## func (struct kunit *test, void *arg)		\
{									\
	size_t a = 1;							\
									\
	ptr = alloc ## want_arg (func, arg, a * b);			\
	check(test, ptr, #func " failed\n");				\
	ptr = alloc ## want_arg (func, arg,				\
				 array_size(a, b));			\
}

#define TWO(func)							\
	ptr = alloc(func, arg, a * b);					\
	ptr = alloc(func, arg, array_size(a, b));

#define BLOCK(func)							\
{ ptr = alloc(func, arg, a * b);					\
	ptr = alloc(func, arg, array_size(a, b)); }

#define DO(func) do {							\
	ptr = alloc(func, arg, a * b);					\
	ptr = alloc(func, arg, array_size(a, b)); } while (0)

#define LOG(fmt, ...) pr(fmt, ## __VA_ARGS__, n * m, array_size(n, m))

void f(void)
{
	ptr = alloc(x, y * z);
	ptr = alloc(x, array_size(y, z));
}
