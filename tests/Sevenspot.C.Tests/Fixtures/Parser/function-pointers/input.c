/* Function pointers in declarations, members, parameters and calls. */
typedef int (*widget_cb)(struct widget *w, void *data);

struct widget_ops {
	int (*open)(struct widget *w);
	void (*close)(struct widget *w);
	widget_cb cbs[4];
};

static void (*handlers[4])(int irq);

static int (*lookup(const char *name))(int);

int run(int (*fn)(int, char **), int argc, char **argv)
{
	int (*local)(int) = lookup("x");

	if (w->ops && w->ops->open)
		return w->ops->open(w);
	return (*fn)(argc, argv) + local(0);
}
