/* Attribute words the kernel hides behind macros. */
static int widget_debug __read_mostly;
static struct widget_ops __rcu *active_ops;

static int __init widget_init(void)
{
	return 0;
}

static void __exit widget_exit(void)
{
}

long widget_copy(char __user *buf, const void __user *src, size_t len);

static void widget_lock_both(struct widget *a, struct widget *b)
	__acquires(a->lock) __acquires(b->lock)
{
	spin_lock(&a->lock);
	spin_lock_nested(&b->lock, SINGLE_DEPTH_NESTING);
}

static __always_inline bool widget_busy(const struct widget *w)
{
	return READ_ONCE(w->busy);
}

static noinline __must_check int widget_probe(struct device *dev)
{
	void __iomem *regs = NULL;
	u32 __maybe_unused version;

	return regs ? 0 : -ENODEV;
}
