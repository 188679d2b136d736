static __maybe_unused DEFINE_MUTEX(a);
static DEFINE_MUTEX(b) __maybe_unused;
DEFINE_MUTEX(c) __maybe_unused;
int f(void)
{
	static __maybe_unused DEFINE_MUTEX(e);
	return 0;
}
