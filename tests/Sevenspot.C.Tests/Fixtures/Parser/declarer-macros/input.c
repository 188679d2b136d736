/* Macros that declare something, at file scope and in a block. */
static DEFINE_MUTEX(widget_lock);
static LIST_HEAD(widget_list);
static DEFINE_SPINLOCK(stats_lock);
DEFINE_PER_CPU(unsigned long, widget_hits);
static DECLARE_WAIT_QUEUE_HEAD(widget_wait);

static int widget_wait_idle(struct widget *w)
{
	DEFINE_WAIT(wait);
	LIST_HEAD(local);
	DECLARE_BITMAP(seen, 64);
	int ret = 0;

	prepare_to_wait(&widget_wait, &wait, TASK_INTERRUPTIBLE);
	return ret;
}

EXPORT_SYMBOL(widget_wait_idle);
EXPORT_SYMBOL_GPL(widget_list);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sevenspot authors");
MODULE_DESCRIPTION("widget driver");
module_init(widget_init);
