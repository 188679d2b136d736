/* Casts versus parenthesised expressions. */
void casts(void *p, long v, size_t n)
{
	int a = (int)v;
	u32 b = (u32)v;
	struct widget *w = (struct widget *)p;
	unsigned long addr = (unsigned long)&v;
	size_t all = (size_t)-1;
	int c = (a) + 1;
	int d = (a) * b;
	int e = (a)(b);
	int f = (int)(v >> 3);
	const char *s = (const char *)p;
	void (*fn)(void) = (void (*)(void))p;

	(void)widget_sync(w);
	(w)->count = (n);
}
